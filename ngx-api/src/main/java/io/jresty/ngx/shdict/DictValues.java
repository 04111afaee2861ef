package io.jresty.ngx.shdict;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/** Conversions between Lua values and what a zone stores, with lua-resty-core's rules. */
final class DictValues {
    /** nginx keeps key lengths in 16 bits. */
    static final int MAX_KEY_LENGTH = 65535;
    /** A value a zone cannot hold (tables, functions, userdata). */
    static final Object BAD = new Object();

    private DictValues() {}

    /** The key, or the error text lua-resty-core returns for it. Non-strings go through tostring. */
    static Object key(LuaValue v) {
        if (v.isnil()) {
            return "nil key";
        }
        LuaString s = v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER
                ? v.checkstring() : LuaString.valueOf(v.tojstring());
        if (s.m_length == 0) {
            return "empty key";
        }
        if (s.m_length > MAX_KEY_LENGTH) {
            return "key too long";
        }
        byte[] b = new byte[s.m_length];
        s.copyInto(0, b, 0, b.length);
        return new DictKey(b);
    }

    /** null for nil, Boolean, Double, byte[] for strings, or {@link #BAD}. */
    static Object java(LuaValue v) {
        return switch (v.type()) {
            case LuaValue.TNIL -> null;
            case LuaValue.TBOOLEAN -> v.toboolean();
            case LuaValue.TNUMBER -> v.todouble();
            case LuaValue.TSTRING -> {
                LuaString s = v.checkstring();
                byte[] b = new byte[s.m_length];
                s.copyInto(0, b, 0, b.length);
                yield b;
            }
            default -> BAD;
        };
    }

    static LuaValue lua(Object value) {
        return switch (value) {
            case byte[] s -> LuaString.valueUsing(s);
            case Double d -> LuaValue.valueOf(d);
            case Boolean b -> LuaValue.valueOf(b);
            default -> throw new IllegalStateException("not a stored value: " + value);
        };
    }

    /** An exptime-like argument in seconds (nil is 0) as milliseconds, as nginx keeps it. */
    static long millis(LuaValue v, String what) {
        if (v.isnil()) {
            return 0;
        }
        if (v.type() != LuaValue.TNUMBER) {
            // lua-resty-core compares it with 0 first
            throw new LuaError("attempt to compare " + v.typename() + " with number");
        }
        if (v.todouble() < 0 || Double.isNaN(v.todouble())) {
            throw new LuaError("bad \"" + what + "\" argument");
        }
        return (long) (v.todouble() * 1000);
    }

    /** User flags are a C int on the FFI path: truncated, and out-of-range values become INT_MIN. */
    static int flags(LuaValue v) {
        if (v.isnil()) {
            return 0;
        }
        if (v.type() != LuaValue.TNUMBER) {
            throw new LuaError("bad \"flags\" argument");
        }
        double d = v.todouble();
        return d >= Integer.MIN_VALUE && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }
}
