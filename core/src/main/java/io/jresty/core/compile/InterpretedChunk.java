package io.jresty.core.compile;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/** A chunk LuaJC could not translate; it runs on LuaJ's interpreter. */
record InterpretedChunk(String name, Prototype prototype) implements ChunkCompiler.CompiledChunk {
    @Override
    public LuaFunction bind(LuaValue env, Globals state) {
        if (state == null || state == env) {
            return new LuaClosure(prototype, env);
        }
        // LuaJ takes a closure's state (its debug hooks) from the env it is built with, so
        // build it with the state, then point _ENV at the sandbox
        LuaClosure closure = new LuaClosure(prototype, state);
        if (closure.upValues.length > 0) {
            closure.upValues[0].setValue(env);
        }
        return closure;
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
