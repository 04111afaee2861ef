package io.jresty.server.lua;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.compile.ChunkCompiler.CompiledChunk;

/**
 * Lua code from the conf, compiled once and shared by every worker. Its name is the one
 * lua-nginx-module gives it, e.g. {@code content_by_lua(nginx.conf:12)}, so error lines read the same.
 * Code that does not compile keeps its error: as in lua-nginx-module, the server starts and the
 * requests that reach it get a 500 with "failed to load inlined Lua code" in the error log.
 *
 * @param loadError the compile error, or null
 */
public record LuaChunk(String name, CompiledChunk compiled, String loadError) {
    public LuaChunk(String name, CompiledChunk compiled) {
        this(name, compiled, null);
    }

    public static LuaChunk failed(String name, String error) {
        return new LuaChunk(name, null, error);
    }

    public static LuaChunk compile(String name, String source) {
        return new LuaChunk(name, ChunkCompiler.shared().compile(source, "=" + name));
    }
}
