package io.jresty.ngx.dynacode;

import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** setup{...} options as Java values: strings, doubles, booleans and nested maps. */
final class LuaOptionsTable {
    private LuaOptionsTable() {}

    static Map<String, Object> toMap(LuaTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                return out;
            }
            Object v = toJava(next.arg(2));
            if (v != null) {
                out.put(k.tojstring(), v);
            }
        }
    }

    private static Object toJava(LuaValue v) {
        return switch (v.type()) {
            case LuaValue.TSTRING -> v.tojstring();
            case LuaValue.TNUMBER -> v.todouble();
            case LuaValue.TBOOLEAN -> v.toboolean();
            case LuaValue.TTABLE -> toMap((LuaTable) v);
            default -> null;
        };
    }
}
