package io.jresty.ngx.socket;

import io.jresty.core.lua.LuaNull;
import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The bytes a send() call puts on the wire: a string, a number, nil or a boolean as text,
 * or an array table of strings and numbers, nested (strictly: no nil, boolean or ngx.null
 * inside tables), as lua-nginx-module accepts them.
 */
final class SendData {
    private SendData() {}

    static byte[] bytes(String fn, LuaValue v) {
        return switch (v.type()) {
            case LuaValue.TSTRING, LuaValue.TNUMBER -> copy(v.strvalue());
            case LuaValue.TNIL -> "nil".getBytes();
            case LuaValue.TBOOLEAN -> (v.toboolean() ? "true" : "false").getBytes();
            case LuaValue.TTABLE -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                append(fn, (LuaTable) v, out);
                yield out.toByteArray();
            }
            default -> throw SocketArgs.argError(2, fn,
                    "string, number, boolean, nil, or array table expected, got " + typeName(v));
        };
    }

    private static void append(String fn, LuaTable t, ByteArrayOutputStream out) {
        int n = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            if (k.type() != LuaValue.TNUMBER || k.todouble() != Math.floor(k.todouble()) || k.todouble() < 1) {
                throw SocketArgs.argError(2, fn, "non-array table found");
            }
            n = Math.max(n, k.toint());
        }
        for (int i = 1; i <= n; i++) {
            LuaValue v = t.rawget(i);
            switch (v.type()) {
                case LuaValue.TSTRING, LuaValue.TNUMBER -> {
                    LuaString s = v.strvalue();
                    out.write(s.m_bytes, s.m_offset, s.m_length);
                }
                case LuaValue.TTABLE -> append(fn, (LuaTable) v, out);
                default -> throw SocketArgs.argError(2, fn, "bad data type " + typeName(v) + " found");
            }
        }
    }

    private static String typeName(LuaValue v) {
        return LuaNull.isNull(v) ? "userdata" : v.typename();
    }

    static byte[] copy(LuaString s) {
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }
}
