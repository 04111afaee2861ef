package io.jresty.core.compat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;

/**
 * The 5.1 environment of a Lua function, which in LuaJ (5.2) is the function's {@code _ENV}
 * upvalue. Setting it gives the function a fresh upvalue, so only that function (and the
 * closures it creates afterwards) sees the new table, as setfenv does in 5.1.
 *
 * <p>Interpreted functions ({@link LuaClosure}) name their upvalues in the prototype. LuaJC
 * classes keep upvalues in fields {@code u0, u1, ...} without names; there the field holding
 * the current environment (the globals unless set before) is taken to be {@code _ENV}.
 */
final class FunctionEnv {
    private static final String ENV = "_ENV";

    private FunctionEnv() {}

    /** The function's environment, or {@code fallback} when it reads no globals or is a Java function. */
    static LuaValue get(LuaValue f, LuaValue fallback) {
        if (f instanceof LuaClosure c) {
            int i = envIndex(c);
            return i < 0 ? fallback : c.upValues[i].getValue();
        }
        Field field = compiledEnvField(f, fallback);
        if (field != null) {
            try {
                return (LuaValue) field.get(f);
            } catch (IllegalAccessException e) {
                throw new LuaError("getfenv: " + e.getMessage());
            }
        }
        return fallback;
    }

    /** Gives the function {@code env} as its environment; false when it has no environment to change. */
    static boolean set(LuaValue f, LuaValue env, LuaValue current) {
        if (f instanceof LuaClosure c) {
            int i = envIndex(c);
            if (i < 0) {
                // the function reads no globals: nothing can observe its environment
                return true;
            }
            c.upValues[i] = new UpValue(new LuaValue[] {env}, 0);
            return true;
        }
        Field field = compiledEnvField(f, current);
        if (field == null) {
            return false;
        }
        try {
            field.set(f, env);
            return true;
        } catch (IllegalAccessException e) {
            throw new LuaError("setfenv: " + e.getMessage());
        }
    }

    private static int envIndex(LuaClosure c) {
        for (int i = 0; i < c.p.upvalues.length; i++) {
            if (c.p.upvalues[i].name != null && ENV.equals(c.p.upvalues[i].name.tojstring())) {
                return i;
            }
        }
        return -1;
    }

    /** In a LuaJC class: the upvalue field whose value is the expected environment table. */
    private static Field compiledEnvField(LuaValue f, LuaValue expected) {
        if (!f.isfunction() || f.getClass().getName().startsWith("org.luaj.vm2.lib.")
                || f.getClass().getName().startsWith("io.jresty.")) {
            return null;
        }
        Field single = null;
        int tables = 0;
        for (Field field : f.getClass().getDeclaredFields()) {
            if (!field.getName().matches("u\\d+") || field.getType() != LuaValue.class
                    || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                Object v = field.get(f);
                if (v == expected) {
                    return field;
                }
                if (v instanceof org.luaj.vm2.LuaTable) {
                    tables++;
                    single = field;
                }
            } catch (IllegalAccessException e) {
                throw new LuaError("getfenv: " + e.getMessage());
            }
        }
        return tables == 1 ? single : null;
    }
}
