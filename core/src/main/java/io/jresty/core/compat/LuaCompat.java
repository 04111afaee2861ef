package io.jresty.core.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Makes LuaJ 3.0.1 (Lua 5.2) look like LuaJIT 2.1 / Lua 5.1 to the code it runs. */
public final class LuaCompat {
    private LuaCompat() {}

    public static void install(Globals g) {
        LuaValue pkg = g.get("package");
        // first, so that only LuaJ's own functions are wrapped, not the replacements below
        for (String lib : new String[] {"string", "table", "math", "os", "io", "coroutine", "package"}) {
            NamedArgumentErrors.wrapLibrary(g.get(lib));
        }
        NamedArgumentErrors.wrapLibrary(g);
        g.set("tostring", new LuaToString());
        g.set("print", new LuaPrint(g));
        g.set("error", ErrorFunction.create());
        g.set("xpcall", ErrorFunction.xpcall());
        g.set("assert", ErrorFunction.assertion());
        // libraries test _VERSION to choose between setfenv and _ENV
        g.set("_VERSION", "Lua 5.1");
        g.set("tonumber", new LuaToNumber());
        Lua51Names.install(g);
        ChunkLoad.install(g);
        io.jresty.core.coroutine.CoroutineLibrary.install(g);
        FenvFunctions.install(g);
        DebugLibrary.install(g);
        TableIndex.install(g);
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

    /** tostring as LuaJIT (for Java code that prints Lua values: ngx.say, ngx.log): __tostring, %.14g numbers. */
    public static LuaString tostring(LuaValue v) {
        return LuaToString.of(v);
    }

    /**
     * Runs a module's main chunk as require does, so that module() inside it can give the
     * chunk its module table as environment. For a require that does not go through
     * package.searchers (whose loaders are already tracked).
     */
    public static Varargs runRequiredChunk(Globals g, LuaValue chunk, Varargs args) {
        return ModuleFunction.run(ModuleFunction.running(g), chunk, args);
    }

    /** How LuaJIT names a chunk in messages: "=name" → name, "@file" → file, else [string "..."]. */
    public static String shortSource(String chunkname) {
        return ChunkLoad.displayName(chunkname);
    }

    /**
     * Fails when one of LuaJ's own classes is loaded instead of our patched copy (core's classes
     * must come before luaj-jse on the classpath): then ".." would print 1/3 as 0.33333334,
     * errors would read "chunk:1 boom" and #{1, nil, nil, 4} would be 1. Call it at start.
     */
    public static void verifyPatched() {
        String third = LuaValue.valueOf(1.0 / 3).tojstring();
        String error = new PositionedError().getMessage();
        int length = LuaValue.listOf(new LuaValue[] {LuaValue.ONE, LuaValue.NIL, LuaValue.NIL, LuaValue.valueOf(4)}).length();
        String negativeZero = LuaValue.ZERO.neg().tojstring();
        if (!third.equals("0.33333333333333") || !error.equals("x:1: m") || length != 4 || !negativeZero.equals("-0")) {
            throw new IllegalStateException("LuaJ's unpatched classes are on the classpath (1/3 prints as " + third
                    + ", an error reads '" + error + "', #{1, nil, nil, 4} is " + length + ", -0 prints as "
                    + negativeZero + "); put jresty-core before luaj-jse");
        }
    }

    /** An error positioned as LuaJ's interpreter positions one, to see how its text comes out. */
    private static final class PositionedError extends org.luaj.vm2.LuaError {
        PositionedError() {
            super("m");
            this.fileline = "x:1";
        }
    }
}
