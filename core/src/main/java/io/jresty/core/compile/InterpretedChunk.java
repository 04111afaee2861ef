package io.jresty.core.compile;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/** A chunk LuaJC could not translate; it runs on LuaJ's interpreter. */
record InterpretedChunk(String name, Prototype prototype) implements ChunkCompiler.CompiledChunk {
    @Override
    public LuaFunction bind(LuaValue env) {
        return new LuaClosure(prototype, env);
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
