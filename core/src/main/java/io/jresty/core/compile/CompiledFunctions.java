package io.jresty.core.compile;

import org.luaj.vm2.Prototype;

/**
 * The prototype each class compiled here came from, for what needs the Lua function behind a
 * class: setfenv/getfenv change its {@code _ENV} upvalue field (LuaJC names the upvalue
 * fields {@code u0, u1, ...} after their index in the prototype and drops the names) and
 * string.dump writes its bytecode.
 */
public final class CompiledFunctions {
    /** What {@link #envField} answers for a function that reads no globals, so has no _ENV. */
    public static final String NONE = "";

    private CompiledFunctions() {}

    /** The prototype a class was compiled from, or null for a class not compiled here. */
    public static Prototype prototype(Class<?> compiled) {
        return LuaClassLoader.prototypeOf(compiled);
    }

    /** The name of the field holding the class's _ENV, {@link #NONE}, or null for a class not compiled here. */
    public static String envField(Class<?> compiled) {
        Prototype p = LuaClassLoader.prototypeOf(compiled);
        if (p == null) {
            return null;
        }
        for (int i = 0; i < p.upvalues.length; i++) {
            if (p.upvalues[i].name != null && "_ENV".equals(p.upvalues[i].name.tojstring())) {
                return "u" + i;
            }
        }
        return NONE;
    }

    /** The Lua line a compiled function's frame is at, from its Java line number; -1 when unknown. */
    public static int line(Class<?> compiled, int javaLine) {
        return LuaFrames.line(LuaClassLoader.prototypeOf(compiled), javaLine);
    }

    /**
     * What a compiled caller's current instruction calls its callee by, with what that name is
     * ("local 'f'" for {@code f()}, "metamethod '__index'"), as Lua's debug.getinfo "n" gives
     * name and namewhat, or null.
     */
    public static String calledPhrase(Class<?> caller, int javaLine) {
        Prototype p = LuaClassLoader.prototypeOf(caller);
        return p == null ? null : CallerName.calledPhrase(p, LuaFrames.pc(p, javaLine));
    }

    /** Whether a Java frame of this class only passes a Lua call on (LuaJ's dispatch), so is no function of its own. */
    public static boolean passesCallOn(Class<?> c) {
        return CallerName.passesCallOn(c);
    }
}
