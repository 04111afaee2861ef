package io.jresty.core.ffi;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** ffi.C: on LuaJIT the C library's symbols; on the JVM only declared constants, every symbol fails saying why. */
final class CNamespace {
    private CNamespace() {}

    /** Fills {@code c} (the module's own table, see FfiModule) as ffi.C over {@code types}. */
    static LuaTable create(CTypes types, LuaTable c) {
        LuaTable mt = new LuaTable();
        mt.set("__index", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                // enum members and static const integers are data, not symbols: they work
                Long constant = types.constant(args.arg(2).tojstring());
                if (constant != null) {
                    return LuaValue.valueOf((double) constant);
                }
                throw refusal(types, args.arg(2).tojstring());
            }
        });
        mt.set("__newindex", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                throw refusal(types, args.arg(2).tojstring());
            }
        });
        c.setmetatable(mt);
        return c;
    }

    private static FfiException refusal(CTypes types, String name) {
        String what = types.symbol(name) ? "the C function or variable '" + name + "' (ffi.C." + name + ")"
                : "ffi.C." + name + " (C symbols)";
        return FfiException.noNative(what);
    }
}
