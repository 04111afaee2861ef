package io.jresty.core.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/** Makes LuaJ 3.0.1 (Lua 5.2) look like LuaJIT 2.1 / Lua 5.1 to the code it runs. */
public final class LuaCompat {
    private LuaCompat() {}

    public static void install(Globals g) {
        LuaValue table = g.get("table");
        g.set("unpack", table.get("unpack"));
        g.set("loadstring", g.get("load"));
    }
}
