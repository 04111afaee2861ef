package io.jresty.core.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/** Makes LuaJ 3.0.1 (Lua 5.2) look like LuaJIT 2.1 / Lua 5.1 to the code it runs. */
public final class LuaCompat {
    private LuaCompat() {}

    public static void install(Globals g) {
        LuaValue pkg = g.get("package");
        g.set("tostring", new LuaToString());
        g.set("print", new LuaPrint(g));
        g.set("error", ErrorFunction.create());
        g.set("xpcall", ErrorFunction.xpcall());
        g.set("tonumber", new LuaToNumber());
        Lua51Names.install(g);
        ChunkLoad.install(g);
        CoroutineCompat.install(g);
        FenvFunctions.install(g);
        ModuleFunction.install(g);
        LuaValue string = g.get("string");
        string.set("format", new StringFormat());
        StringCompat.install(string);
        PatternFunctions.install(string);
        MathCompat.install(g.get("math"));
        OsCompat.install(g.get("os"));
        TableCompat.install(g.get("table"), pkg.get("preload"));
        LuaJitModules.install(g, pkg.get("loaded"), pkg.get("preload"));
    }

    /**
     * Fails when LuaJ's own LuaDouble is loaded instead of our patched copy (core's classes
     * must come before luaj-jse on the classpath): then ".." would print 1/3 as 0.33333334.
     */
    public static void verifyPatched() {
        String third = LuaValue.valueOf(1.0 / 3).tojstring();
        if (!third.equals("0.33333333333333")) {
            throw new IllegalStateException("LuaJ's unpatched org.luaj.vm2.LuaDouble is on the classpath (1/3 prints as "
                    + third + "); put jresty-core before luaj-jse");
        }
    }
}
