package io.jresty.core.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * A chunk compiled to a JVM class. The class is shared; every bind makes a new instance whose
 * {@code _ENV} upvalue is the given environment.
 */
record JvmChunk(String name, Prototype prototype, Class<?> mainClass, MethodHandle constructor)
        implements ChunkCompiler.CompiledChunk {

    static JvmChunk of(String name, Prototype prototype, Class<?> mainClass) throws ReflectiveOperationException {
        MethodHandle constructor = MethodHandles.publicLookup().findConstructor(mainClass, MethodType.methodType(void.class));
        JvmChunk chunk = new JvmChunk(name, prototype, mainClass, constructor);
        chunk.bind(LuaValue.NIL);
        return chunk;
    }

    @Override
    public LuaFunction bind(LuaValue env, Globals state) {
        LuaFunction function;
        try {
            function = (LuaFunction) constructor.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot instantiate compiled chunk " + name, e);
        }
        function.initupvalue1(env);
        return function;
    }

    @Override
    public boolean compiled() {
        return true;
    }
}
