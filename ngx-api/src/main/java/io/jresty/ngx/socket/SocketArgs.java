package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.api.ApiError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Argument checks shared by the socket methods, with lua-nginx-module's messages. */
final class SocketArgs {
    private SocketArgs() {}

    static final LuaValue CLOSED = LuaValue.valueOf("closed");

    static Varargs fail(String error) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(error));
    }

    /** The object a method was called on (luaL_checktype(L, 1, LUA_TTABLE)). */
    static <T extends LuaTable> T self(Varargs a, String fn, Class<T> type) {
        LuaValue v = a.arg1();
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        String got = v.istable() ? "table" : v.typename();
        throw new ApiError("bad argument #1 to '" + fn + "' (" + (v.istable() ? "cosocket object" : "table")
                + " expected, got " + got + ")");
    }

    /** A socket belongs to the request that connected it. */
    static void checkOwner(NgxContext ctx, Object owner) {
        if (ctx != null && owner != null && owner != TcpSocket.ownerOf(ctx)) {
            throw new ApiError("bad request");
        }
    }

    /**
     * luaL_argerror's message for argument n (counting the object) of a method: Lua 5.1 and
     * LuaJIT count arguments after self when the call was a method call (sock:send(x)),
     * the way nearly all code calls cosocket methods, so #2 reads "#1".
     */
    static ApiError argError(int n, String fn, String message) {
        if (n == 1) {
            return new ApiError("calling '" + fn + "' on bad self (" + message + ")");
        }
        return new ApiError("bad argument #" + (n - 1) + " to '" + fn + "' (" + message + ")");
    }

    /** lua-nginx-module's timeout check: the value must fit in 31 bits. */
    static long timeout(LuaValue v) {
        LuaValue n = v.tonumber();
        long t = n.isnil() ? 0 : (long) n.todouble();
        if ((t >> 31) != 0) {
            throw new ApiError("bad timeout value");
        }
        return t;
    }

    /** Lua numbers and numeric strings, as lua_isnumber. */
    static boolean isNumber(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || v.isstring() && v.tonumber().isnumber();
    }
}
