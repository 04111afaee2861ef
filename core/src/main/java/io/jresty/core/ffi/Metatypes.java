package io.jresty.core.ffi;

import org.luaj.vm2.LuaValue;

/**
 * ffi.metatype's metamethods: a struct's metatable applies to its values, references and
 * pointers to it. Fields come first; __index and __newindex see only names that are no field.
 */
final class Metatypes {
    private Metatypes() {}

    /** The metamethod {@code event} of the struct behind {@code v}, or null. */
    static LuaValue handler(LuaValue v, String event) {
        if (!(v instanceof CData c)) {
            return null;
        }
        CType t = c.type instanceof CType.Ref r ? r.target() : c.type;
        if (t instanceof CType.Pointer p) {
            t = p.target();
        }
        if (t instanceof StructType s && s.metatype() != null) {
            LuaValue h = s.metatype().rawget(event);
            return h.isnil() ? null : h;
        }
        return null;
    }

    /** The metamethod of either operand, left first, as Lua picks binary handlers. */
    static LuaValue binary(LuaValue a, LuaValue b, String event) {
        LuaValue h = handler(a, event);
        return h != null ? h : handler(b, event);
    }

    /** __index for a key that names no field: a function is called, a table indexed. */
    static LuaValue index(CData c, LuaValue key) {
        LuaValue h = handler(c, "__index");
        if (h == null) {
            return null;
        }
        return h.isfunction() ? h.call(c, key) : h.get(key);
    }

    static boolean newindex(CData c, LuaValue key, LuaValue value) {
        LuaValue h = handler(c, "__newindex");
        if (h == null) {
            return false;
        }
        if (h.isfunction()) {
            h.call(c, key, value);
        } else {
            h.set(key, value);
        }
        return true;
    }
}
