package io.jresty.ngx.codec;

import io.jresty.ngx.api.ApiError;
import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.encode_args: a Lua table to an x-www-form-urlencoded query ({@link ArgsParser} is the way
 * back). It is also what ngx.exec, set_uri_args and capture's args option use for a table.
 */
public final class QueryArgs {
    private QueryArgs() {}

    /**
     * Keys and values are escaped as URI components; true gives the bare key, false nothing,
     * and an array gives the key once per element. The order is the table's iteration order.
     */
    public static byte[] encode(LuaTable args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs n = args.next(k);
            k = n.arg1();
            if (k.isnil()) {
                break;
            }
            if (k.type() != LuaValue.TSTRING) {
                throw new ApiError("attempt to use a non-string key in the \"args\" option table");
            }
            byte[] key = UriEscape.escape(ByteArgs.bytes(k.checkstring()), UriEscape.COMPONENT);
            LuaValue v = n.arg(2);
            if (v.istable()) {
                LuaTable list = (LuaTable) v;
                int len = list.length();
                for (int i = 1; i <= len; i++) {
                    pair(out, key, list.get(i));
                }
            } else {
                pair(out, key, v);
            }
        }
        return out.toByteArray();
    }

    private static void pair(ByteArrayOutputStream out, byte[] key, LuaValue v) {
        switch (v.type()) {
            case LuaValue.TBOOLEAN -> {
                if (v.toboolean()) {
                    separate(out);
                    out.writeBytes(key);
                }
            }
            case LuaValue.TSTRING, LuaValue.TNUMBER -> {
                separate(out);
                out.writeBytes(key);
                out.write('=');
                out.writeBytes(UriEscape.escape(ByteArgs.bytes(v.checkstring()), UriEscape.COMPONENT));
            }
            default -> throw new ApiError("attempt to use " + v.typename() + " as query arg value");
        }
    }

    private static void separate(ByteArrayOutputStream out) {
        if (out.size() > 0) {
            out.write('&');
        }
    }
}
