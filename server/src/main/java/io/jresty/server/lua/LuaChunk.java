package io.jresty.server.lua;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.compile.ChunkCompiler.CompiledChunk;

/**
 * Lua code from the conf, compiled once and shared by every worker. Its name is the one
 * lua-nginx-module gives it, e.g. {@code content_by_lua(nginx.conf:12)}, so error lines read the same.
 */
public record LuaChunk(String name, CompiledChunk compiled) {
    public static LuaChunk compile(String name, String source) {
        return new LuaChunk(name, ChunkCompiler.shared().compile(source, "=" + name));
    }
}
