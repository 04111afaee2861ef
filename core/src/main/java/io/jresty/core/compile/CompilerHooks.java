package io.jresty.core.compile;

import java.io.IOException;
import java.io.InputStream;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Plugs a {@link ChunkCompiler} into one Lua state, so that {@code load}, {@code loadstring}
 * and {@code require} use the cache and LuaJC. LuaJ splits loading in two steps, source to
 * prototype and prototype to function; the chunk built in the first is handed to the second.
 * One instance per state, used only by the thread running that state's Lua.
 */
final class CompilerHooks implements Globals.Compiler, Globals.Loader {
    private final ChunkCompiler compiler;
    private final Globals state;
    private ChunkCompiler.CompiledChunk last;

    CompilerHooks(ChunkCompiler compiler, Globals state) {
        this.compiler = compiler;
        this.state = state;
    }

    @Override
    public Prototype compile(InputStream stream, String chunkName) throws IOException {
        ChunkCompiler.CompiledChunk chunk = compiler.compile(stream.readAllBytes(), chunkName);
        last = chunk;
        return chunk.prototype();
    }

    @Override
    public LuaFunction load(Prototype prototype, String chunkName, LuaValue env) {
        ChunkCompiler.CompiledChunk chunk = last;
        last = null;
        if (chunk == null || chunk.prototype() != prototype) {
            chunk = compiler.translate(prototype, chunkName);
        }
        return chunk.bind(env, state);
    }
}
