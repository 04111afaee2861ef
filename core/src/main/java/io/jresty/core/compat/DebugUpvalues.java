package io.jresty.core.compat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * debug.getupvalue/setupvalue. Lua 5.1 numbers a function's upvalues without the {@code _ENV}
 * one LuaJ adds (a 5.1 function has an environment instead), so index n is the n-th other one.
 * An interpreted closure keeps them in its upvalue cells; a compiled function in its class's
 * fields {@code u0, u1, ...} (a value, or a one-element array when the upvalue is assigned).
 */
final class DebugUpvalues {
    private DebugUpvalues() {}

    /** The prototype's upvalue indexes Lua 5.1 would number 1, 2, ... */
    static List<Integer> indexes(Prototype p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.upvalues.length; i++) {
            if (p.upvalues[i].name == null || !"_ENV".equals(p.upvalues[i].name.tojstring())) {
                out.add(i);
            }
        }
        return out;
    }

    /** name, value of upvalue n; nothing when there is none (or a Java function). */
    static Varargs get(LuaValue f, int n) {
        Prototype p = DebugInfo.prototype(f);
        int index = index(p, n);
        if (index < 0) {
            return LuaValue.NONE;
        }
        LuaValue value = f instanceof LuaClosure c ? c.upValues[index].getValue() : field(f, index, null);
        return value == null ? LuaValue.NONE : LuaValue.varargsOf(name(p, index), value);
    }

    /** Sets upvalue n, giving its name, or nothing when there is none. */
    static Varargs set(LuaValue f, int n, LuaValue value) {
        Prototype p = DebugInfo.prototype(f);
        int index = index(p, n);
        if (index < 0) {
            return LuaValue.NONE;
        }
        if (f instanceof LuaClosure c) {
            c.upValues[index].setValue(value);
        } else if (field(f, index, value) == null) {
            return LuaValue.NONE;
        }
        return name(p, index);
    }

    private static int index(Prototype p, int n) {
        if (p == null) {
            return -1;
        }
        List<Integer> indexes = indexes(p);
        return n >= 1 && n <= indexes.size() ? indexes.get(n - 1) : -1;
    }

    private static LuaValue name(Prototype p, int index) {
        return p.upvalues[index].name != null ? p.upvalues[index].name : LuaValue.valueOf("?");
    }

    /** Reads (value null) or writes a compiled function's upvalue field; the value held, or null when there is no such field. */
    private static LuaValue field(LuaValue f, int index, LuaValue value) {
        try {
            Field field = f.getClass().getDeclaredField("u" + index);
            field.setAccessible(true);
            Object held = field.get(f);
            if (held instanceof LuaValue[] cell) {
                if (value != null) {
                    cell[0] = value;
                }
                return cell[0];
            }
            if (value != null) {
                field.set(f, value);
                return value;
            }
            return held instanceof LuaValue v ? v : LuaValue.NIL;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
