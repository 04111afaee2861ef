package io.jresty.core.fork;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Pairs the built-in objects of two Lua states built the same way, before any user code ran:
 * the value at each path from {@code _G} (through tables and metatables) in one state with
 * the value at the same path in the other. A copy maps the first onto the second, so a
 * closure that captured {@code string.format} or {@code ngx.say} in one worker calls the
 * other worker's own function, bound to that worker's state.
 */
final class StatePairing {
    private StatePairing() {}

    /** Source object → target object; both states must still be as their builder left them. */
    static Map<LuaValue, LuaValue> of(Globals source, Globals target) {
        Map<LuaValue, LuaValue> pairs = new IdentityHashMap<>();
        Deque<LuaValue[]> pending = new ArrayDeque<>();
        // LuaJ keeps the strings' metatable in a static field: one for the JVM, never copied
        // (and its __index, which finds the running worker's own string table)
        if (LuaString.s_metatable != null) {
            pairs.put(LuaString.s_metatable, LuaString.s_metatable);
            LuaValue index = LuaString.s_metatable.rawget(LuaValue.INDEX);
            pairs.put(index, index);
        }
        pending.push(new LuaValue[] {source, target});
        while (!pending.isEmpty()) {
            LuaValue[] pair = pending.pop();
            LuaValue s = pair[0];
            LuaValue t = pair[1];
            if (pairs.containsKey(s) || !pairable(s) || s.type() != t.type() || s.getClass() != t.getClass()) {
                continue;
            }
            pairs.put(s, t);
            if (s == t) {
                // one object in both states (a JVM-wide value, a server-wide service) stays itself
                continue;
            }
            LuaValue sm = s.getmetatable();
            LuaValue tm = t.getmetatable();
            if (sm != null && tm != null) {
                pending.push(new LuaValue[] {sm, tm});
            }
            if (s instanceof LuaTable st && t instanceof LuaTable tt) {
                walk(st, tt, pending);
            }
        }
        return pairs;
    }

    private static void walk(LuaTable s, LuaTable t, Deque<LuaValue[]> pending) {
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs entry = s.next(k);
            k = entry.arg1();
            if (k.isnil()) {
                return;
            }
            // a path is made of plain keys; a table used as a key has no counterpart to look up
            if (k.type() == LuaValue.TSTRING || k.type() == LuaValue.TNUMBER || k.type() == LuaValue.TBOOLEAN) {
                pending.push(new LuaValue[] {entry.arg(2), t.rawget(k)});
            }
        }
    }

    private static boolean pairable(LuaValue v) {
        return switch (v.type()) {
            case LuaValue.TTABLE, LuaValue.TFUNCTION, LuaValue.TUSERDATA, LuaValue.TTHREAD -> true;
            default -> false;
        };
    }
}
