package io.jresty.core.compile;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.Prototype;

/**
 * Which field of a compiled function's class holds its {@code _ENV} upvalue. LuaJC names the
 * upvalue fields {@code u0, u1, ...} after their index in the prototype and drops the names;
 * the translator records the index here, so setfenv/getfenv change that field and no other.
 */
public final class EnvFields {
    /** Written by the translator before a class is used; read through {@link #of}. */
    private static final Map<Class<?>, String> RECORDED = Collections.synchronizedMap(new WeakHashMap<>());

    /** What {@link #of} answers for a function that reads no globals, so has no _ENV. */
    public static final String NONE = "";

    private EnvFields() {}

    /** The name of the field holding the class's _ENV, {@link #NONE}, or null for a class not compiled here. */
    public static String of(Class<?> compiled) {
        return RECORDED.get(compiled);
    }

    static void record(Class<?> compiled, Prototype prototype) {
        for (int i = 0; i < prototype.upvalues.length; i++) {
            if (prototype.upvalues[i].name != null && "_ENV".equals(prototype.upvalues[i].name.tojstring())) {
                RECORDED.put(compiled, "u" + i);
                return;
            }
        }
        RECORDED.put(compiled, NONE);
    }
}
