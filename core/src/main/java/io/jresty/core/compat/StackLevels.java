package io.jresty.core.compat;

import java.lang.reflect.Method;
import java.util.Set;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * The Lua function running at a Lua 5.1 stack level of this thread (1 = the function that
 * called the library function asking, 2 = its caller...), for setfenv/getfenv.
 *
 * <p>LuaJ keeps no call stack, but the JVM's does: each Lua call is one Java frame, the body
 * method of a compiled function's class or {@code LuaClosure.execute} for interpreted code, and
 * the function is that frame's {@code this}. Reading a frame's locals takes the JDK's live
 * stack frames, which need {@code --add-opens java.base/java.lang=ALL-UNNAMED}. Coroutines
 * run on threads of their own, so a walk sees the running coroutine's levels only, as in Lua.
 * Functions written in Java (C functions in Lua) are not counted as levels.
 */
final class StackLevels {
    private static final String OPEN = "--add-opens java.base/java.lang=ALL-UNNAMED";
    private static final Set<String> BODIES = Set.of("call", "onInvoke", "invoke");
    static final Walker WALKER = Walker.open();

    private StackLevels() {}

    /** What a level holds: the function, or none (the stack is not that deep). */
    record Level(boolean exists, LuaValue function) {}

    /**
     * The function at {@code level} (at least 1). {@code function} is null when the level
     * exists but its function cannot be read: a JIT-compiled frame whose {@code this} is no
     * longer used (so nothing in that call can see its environment any more).
     */
    static Level at(int level, String caller) {
        if (WALKER.locals == null) {
            throw new LuaError("'" + caller + "' on a stack level needs the JVM option " + OPEN);
        }
        return WALKER.stack.walk(frames -> frames
                .filter(f -> isLuaCall(f.getDeclaringClass(), f.getMethodName()))
                .skip(level - 1)
                .findFirst()
                .map(f -> new Level(true, WALKER.self(f) instanceof LuaValue v ? v : null))
                .orElse(new Level(false, null)));
    }

    static boolean isLuaCall(Class<?> c, String method) {
        if (c == LuaClosure.class) {
            return method.equals("execute");
        }
        return LuaFunction.class.isAssignableFrom(c) && BODIES.contains(method) && FunctionEnv.isCompiledLua(c);
    }

    /** The JDK's walker over live frames and its getLocals method, or nulls when java.lang is not open to us. */
    record Walker(StackWalker stack, Method locals) {
        static Walker open() {
            try {
                Class<?> live = Class.forName("java.lang.LiveStackFrame");
                Method walker = live.getDeclaredMethod("getStackWalker", Set.class);
                walker.setAccessible(true);
                Method locals = live.getDeclaredMethod("getLocals");
                locals.setAccessible(true);
                return new Walker((StackWalker) walker.invoke(null, Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE)),
                        locals);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Walker(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE), null);
            }
        }

        /** The frame's {@code this} (local 0): a primitive slot when the JIT found it dead. */
        Object self(StackWalker.StackFrame frame) {
            try {
                Object[] values = (Object[]) locals.invoke(frame);
                return values.length > 0 ? values[0] : null;
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }
}
