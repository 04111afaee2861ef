package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * A table key that cannot be stored, in LuaJIT's words: "table index is nil" / "table index is
 * NaN". The patched {@code LuaTable.set} raises {@link #invalid} where LuaJ said "table index
 * expected, got table", and rawset checks its key the same way.
 */
public final class TableIndex {
    private TableIndex() {}

    /** Never returns: the error for storing under {@code key}, at the Lua line doing it. */
    public static LuaValue invalid(LuaValue key) {
        throw new LuaError(text(key));
    }

    private static String text(LuaValue key) {
        return key.isnil() ? "table index is nil" : "table index is NaN";
    }

    static void install(LuaValue g) {
        g.set("rawset", new Builtin("rawset", args -> {
            LuaValue t = Builtin.table(args, 1, "rawset");
            if (args.narg() < 2) {
                throw Builtin.badArgument(2, "rawset", "value expected");
            }
            if (args.narg() < 3) {
                throw Builtin.badArgument(3, "rawset", "value expected");
            }
            LuaValue key = args.arg(2);
            if (!key.isvalidkey()) {
                // raised inside the C function in LuaJIT, so without a Lua position (level 0)
                throw ErrorFunction.unpositioned(text(key));
            }
            t.rawset(key, args.arg(3));
            return t;
        }));
    }
}
