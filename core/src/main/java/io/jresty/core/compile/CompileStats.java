package io.jresty.core.compile;

/**
 * What a compiler has done so far: sources compiled (cache misses that parsed), cache hits,
 * and chunks that fell back to the interpreter because LuaJC could not translate them.
 */
public record CompileStats(long compiles, long cacheHits, long fallbacks) {}
