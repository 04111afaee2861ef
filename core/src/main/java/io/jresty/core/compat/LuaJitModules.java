package io.jresty.core.compat;

import io.jresty.core.ffi.FfiModule;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** The LuaJIT-only modules libraries probe for: "bit", a "jit" table, and "ffi", the data-only subset. */
final class LuaJitModules {
    private LuaJitModules() {}

    static void install(LuaValue g, LuaValue loaded, LuaValue preload) {
        LuaTable bit = BitModule.create();
        g.set("bit", bit);
        loaded.set("bit", bit);
        LuaTable jit = jit();
        g.set("jit", jit);
        loaded.set("jit", jit);
        preload.set("ffi", FfiModule.loader());
    }

    private static LuaTable jit() {
        LuaTable jit = new LuaTable();
        jit.set("version", "LuaJIT 2.1.0-beta3");
        jit.set("version_num", 20100);
        jit.set("os", "Linux");
        jit.set("arch", "x64");
        // there is no trace compiler to switch: code is compiled to JVM bytecode ahead of time
        Builtin noop = new Builtin("jit", args -> LuaValue.NONE);
        jit.set("on", noop);
        jit.set("off", noop);
        jit.set("flush", noop);
        jit.set("status", new Builtin("status", args -> LuaValue.FALSE));
        return jit;
    }
}
