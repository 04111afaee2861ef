package io.jresty.core.compat;

import io.jresty.core.compile.CompiledFunctions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;

/**
 * The 5.1 environment of a Lua function, which in LuaJ (5.2) is the function's {@code _ENV}
 * upvalue. Setting it gives the function a fresh upvalue, so only that function (and the
 * closures it creates afterwards) sees the new table, as setfenv does in 5.1.
 *
 * <p>Interpreted functions ({@link LuaClosure}) name their upvalues in the prototype. LuaJC
 * classes keep upvalues in fields {@code u0, u1, ...} without names; there the field holding
 * the globals is taken to be {@code _ENV} (see {@link #compiledEnvField}).
 */
final class FunctionEnv {
    private static final String ENV = "_ENV";
    /** LuaJC class → name of its _ENV field; names only, so a class can still be unloaded. */
    private static final Map<Class<?>, String> ENV_FIELDS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Environments given to Lua functions that read no globals (so have no _ENV upvalue): 5.1
     * still keeps one for getfenv to return. Weak keys: the entry goes with the function.
     */
    private static final Map<LuaValue, LuaValue> DETACHED = Collections.synchronizedMap(new WeakHashMap<>());

    private FunctionEnv() {}

    /** The function's environment, or {@code fallback} when it reads no globals or is a Java function. */
    static LuaValue get(LuaValue f, LuaValue fallback) {
        if (f instanceof LuaClosure c) {
            int i = envIndex(c);
            return i < 0 ? DETACHED.getOrDefault(f, fallback) : c.upValues[i].getValue();
        }
        Field field = compiledEnvField(f, fallback);
        if (field != null) {
            try {
                return read(field, f);
            } catch (IllegalAccessException e) {
                throw new LuaError("getfenv: " + e.getMessage());
            }
        }
        return DETACHED.getOrDefault(f, fallback);
    }

    /** Gives the function {@code env} as its environment; false when it has no environment to change. */
    static boolean set(LuaValue f, LuaValue env, LuaValue current) {
        if (f instanceof LuaClosure c) {
            int i = envIndex(c);
            if (i < 0) {
                // the function reads no globals: only getfenv can observe its environment
                DETACHED.put(f, env);
                return true;
            }
            c.upValues[i] = new UpValue(new LuaValue[] {env}, 0);
            return true;
        }
        Field field = compiledEnvField(f, current);
        if (field == null) {
            // a compiled function known to read no globals, or without any table upvalue,
            // keeps its environment aside; otherwise it is one we cannot tell from its other upvalues
            if (isJavaFunction(f) || !(CompiledFunctions.NONE.equals(CompiledFunctions.envField(f.getClass())) || !holdsTable(f))) {
                return false;
            }
            DETACHED.put(f, env);
            return true;
        }
        try {
            write(field, f, env);
            return true;
        } catch (IllegalAccessException e) {
            throw new LuaError("setfenv: " + e.getMessage());
        }
    }

    /**
     * Upvalues of a function just loaded from string.dump's bytes, as LuaJIT gives them: its
     * {@code _ENV} is env and every other upvalue a fresh nil. LuaJ puts env in the first upvalue
     * whatever it is and leaves the others null (a Java NullPointerException when read). A
     * stripped dump has no names: then the first upvalue is taken to be _ENV, as Lua 5.2 does.
     */
    static void loaded(LuaValue f, LuaValue env) {
        Prototype p = f instanceof LuaClosure c ? c.p : CompiledFunctions.prototype(f.getClass());
        if (p == null) {
            return;
        }
        for (int i = 0; i < p.upvalues.length; i++) {
            LuaString name = p.upvalues[i].name;
            boolean isEnv = name == null ? i == 0 : ENV.equals(name.tojstring());
            LuaValue value = isEnv ? env : LuaValue.NIL;
            if (f instanceof LuaClosure c) {
                c.upValues[i] = new UpValue(new LuaValue[] {value}, 0);
                continue;
            }
            try {
                Field field = f.getClass().getDeclaredField("u" + i);
                field.setAccessible(true);
                write(field, f, value);
            } catch (NoSuchFieldException e) {
                // LuaJC keeps no field for an upvalue the function never reads
            } catch (IllegalAccessException e) {
                throw new LuaError("load: " + e.getMessage());
            }
        }
    }

    /**
     * A library function written in Java (LuaJ's or ours): it has no environment, as a C
     * function in 5.1. Compiled Lua is defined at run time by a class loader of its own.
     */
    private static boolean isJavaFunction(LuaValue f) {
        return !isCompiledLua(f.getClass());
    }

    /** A class of Lua compiled to JVM code: LuaJ's and our own classes come from the application's loaders. */
    static boolean isCompiledLua(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        return loader != LuaValue.class.getClassLoader() && loader != FunctionEnv.class.getClassLoader();
    }

    private static boolean holdsTable(LuaValue f) {
        for (Field field : f.getClass().getDeclaredFields()) {
            if (field.getName().matches("u\\d+") && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                try {
                    Object v = field.get(f);
                    if (v instanceof LuaTable || v instanceof LuaValue[]) {
                        return true;
                    }
                } catch (IllegalAccessException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int envIndex(LuaClosure c) {
        for (int i = 0; i < c.p.upvalues.length; i++) {
            if (c.p.upvalues[i].name != null && ENV.equals(c.p.upvalues[i].name.tojstring())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * In a LuaJC class: the upvalue field holding {@code _ENV}. Our compiler records it for
     * the classes it makes ({@link CompiledFunctions}); for others (LuaJC used directly) it is found once
     * per class as the field whose value is the expected environment (the globals, until
     * setfenv changed it), then remembered by name: every instance of a class is the same Lua
     * function. A field is never guessed from its contents alone, so setfenv cannot overwrite
     * another upvalue.
     */
    private static Field compiledEnvField(LuaValue f, LuaValue expected) {
        Class<?> c = f.getClass();
        if (!f.isfunction() || isJavaFunction(f)) {
            return null;
        }
        try {
            String known = CompiledFunctions.envField(c);
            if (CompiledFunctions.NONE.equals(known)) {
                return null;
            }
            if (known == null) {
                known = ENV_FIELDS.get(c);
            }
            if (known != null) {
                Field field = c.getDeclaredField(known);
                field.setAccessible(true);
                return field;
            }
            for (Field field : c.getDeclaredFields()) {
                if (!field.getName().matches("u\\d+") || field.getType() != LuaValue.class
                        || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                if (field.get(f) == expected) {
                    ENV_FIELDS.put(c, field.getName());
                    return field;
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new LuaError("setfenv: " + e.getMessage());
        }
    }

    /** The value of an upvalue field: a plain one, or the one-slot array LuaJC uses for an upvalue that is assigned. */
    private static LuaValue read(Field field, LuaValue f) throws IllegalAccessException {
        Object v = field.get(f);
        return v instanceof LuaValue[] cell ? cell[0] : (LuaValue) v;
    }

    /** A fresh cell for an assigned upvalue, so closures sharing the old one keep their environment. */
    private static void write(Field field, LuaValue f, LuaValue env) throws IllegalAccessException {
        field.set(f, field.getType() == LuaValue[].class ? new LuaValue[] {env} : env);
    }
}
