package io.jresty.core.sandbox;

import java.util.concurrent.Callable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Size caps for the built-ins a plugin could use to exhaust the heap in one call
 * (string.rep("x", 1e10)): while a sandboxed plugin runs on this thread, results over the cap
 * raise "resulting string too large" (Lua's own words) instead of an OutOfMemoryError. Trusted
 * code is not capped. The shared string metatable reaches these functions too, so the cap holds
 * for ("x"):rep(n) as well.
 */
public final class PluginLimits {
    /** The largest string a sandboxed plugin may build with one call. */
    public static final long MAX_RESULT_BYTES = 64L * 1024 * 1024;

    private static final ThreadLocal<Boolean> IN_PLUGIN = ThreadLocal.withInitial(() -> false);

    private PluginLimits() {}

    /** Runs a plugin call with the caps on. */
    public static <T> T run(Callable<T> call) throws Exception {
        boolean outer = IN_PLUGIN.get();
        IN_PLUGIN.set(true);
        try {
            return call.call();
        } finally {
            IN_PLUGIN.set(outer);
        }
    }

    static boolean inPlugin() {
        return IN_PLUGIN.get();
    }

    /** Puts the capped string.rep and table.concat in a worker's libraries (once). */
    static void install(Globals g) {
        LuaTable string = (LuaTable) g.get("string");
        if (string.get("rep") instanceof CappedRep) {
            return;
        }
        string.set("rep", new CappedRep(string.get("rep")));
        LuaTable table = (LuaTable) g.get("table");
        table.set("concat", new CappedConcat(table.get("concat")));
    }

    private static final class CappedRep extends VarArgFunction {
        private final LuaValue original;

        CappedRep(LuaValue original) {
            this.original = original;
            this.name = "rep";
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (inPlugin()) {
                long n = (long) args.optdouble(2, 0);
                long len = args.checkstring(1).length();
                long sep = args.isstring(3) ? args.checkstring(3).length() : 0;
                if (n > 0 && (len + sep) * n > MAX_RESULT_BYTES) {
                    throw new LuaError("resulting string too large");
                }
            }
            return original.invoke(args);
        }
    }

    private static final class CappedConcat extends VarArgFunction {
        private final LuaValue original;

        CappedConcat(LuaValue original) {
            this.original = original;
            this.name = "concat";
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (inPlugin() && args.istable(1)) {
                LuaTable t = args.checktable(1);
                long total = 0;
                int n = t.length();
                for (int i = 1; i <= n; i++) {
                    LuaValue v = t.rawget(i);
                    total += v.isstring() ? v.checkstring().length() : 24;
                    if (total > MAX_RESULT_BYTES) {
                        throw new LuaError("resulting string too large");
                    }
                }
            }
            return original.invoke(args);
        }
    }
}
