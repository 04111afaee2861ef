package io.jresty.core.compile;

import org.luaj.vm2.Globals;
import org.luaj.vm2.lib.jse.JsePlatform;

/** Lua states for compiler tests: LuaJ's standard libraries with a compiler installed. */
final class TestStates {
    static final ChunkCompiler.Settings INTERPRETER = new ChunkCompiler.Settings(100, false, true);

    private TestStates() {}

    static Globals with(ChunkCompiler compiler) {
        Globals g = JsePlatform.standardGlobals();
        compiler.install(g);
        return g;
    }
}
