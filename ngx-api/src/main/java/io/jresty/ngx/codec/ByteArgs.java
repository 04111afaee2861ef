package io.jresty.ngx.codec;

import io.jresty.ngx.api.ApiError;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/** Arguments as byte strings, coerced the way lua-nginx-module and lua-resty-core coerce them. */
final class ByteArgs {
    private ByteArgs() {}

    static byte[] bytes(LuaString s) {
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    static LuaString lua(byte[] b) {
        return LuaString.valueUsing(b);
    }

    /** lua-resty-core's rule for the codec functions: nil is "", anything else goes through tostring. */
    static LuaString coerced(LuaValue v) {
        if (v.type() == LuaValue.TSTRING) {
            return v.checkstring();
        }
        if (v.isnil()) {
            return LuaString.valueOf("");
        }
        LuaValue meta = v.metatag(LuaValue.TOSTRING);
        if (!meta.isnil()) {
            return meta.call(v).checkstring();
        }
        return v.type() == LuaValue.TNUMBER ? v.checkstring() : LuaString.valueOf(v.tojstring());
    }

    /** luaL_checklstring: strings and numbers pass, anything else is a bad argument. */
    static LuaString checked(LuaValue v, int n, String function) {
        if (v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER) {
            return v.checkstring();
        }
        throw badArgument(n, function, "string expected, got " + typeName(v));
    }

    static LuaError badArgument(int n, String function, String message) {
        return new ApiError("bad argument #" + n + " to '" + function + "' (" + message + ")");
    }

    /** Lua's type name, with "no value" for a missing argument as luaL_typerror says. */
    static String typeName(LuaValue v) {
        return v.isnil() ? "nil" : v.typename();
    }
}
