package io.jresty.core.ffi;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** ffi.C: on LuaJIT the C library's symbols; on the JVM every lookup fails, saying why. */
final class CNamespace {
    private CNamespace() {}

    static LuaTable create(CTypes types) {
        LuaTable c = new LuaTable();
        LuaTable mt = new LuaTable();
        VarArgFunction refuse = new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                String name = args.arg(2).tojstring();
                String what = types.symbol(name) ? "the C function or variable '" + name + "' (ffi.C." + name + ")"
                        : "ffi.C." + name + " (C symbols)";
                throw FfiException.noNative(what);
            }
        };
        mt.set("__index", refuse);
        mt.set("__newindex", refuse);
        c.setmetatable(mt);
        return c;
    }
}
