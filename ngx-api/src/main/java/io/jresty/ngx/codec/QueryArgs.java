package io.jresty.ngx.codec;

import io.jresty.ngx.api.ApiError;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.encode_args and ngx.decode_args: a Lua table to and from an x-www-form-urlencoded query.
 * encode is also what ngx.exec, set_uri_args and capture's args option use for a table.
 */
public final class QueryArgs {
    /** decode_args' default limit, lua-nginx-module's. */
    static final int DEFAULT_MAX = 100;

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

    /**
     * Splits at '&'; a key without '=' is true, an empty key is dropped, a repeated key
     * collects its values in a list. Keys and values are unescaped ('+' is a space).
     * At most max segments are read; below 1 means no limit.
     */
    static LuaTable decode(LuaString query, int max) {
        LuaTable result = new LuaTable();
        byte[] q = ByteArgs.bytes(query);
        int count = 0;
        int start = 0;
        while (start <= q.length && (max <= 0 || count < max)) {
            int end = start;
            while (end < q.length && q[end] != '&') {
                end++;
            }
            int eq = start;
            while (eq < end && q[eq] != '=') {
                eq++;
            }
            if (eq > start) {
                LuaString key = ByteArgs.lua(UriEscape.unescape(Arrays.copyOfRange(q, start, eq)));
                LuaValue value = eq == end ? LuaValue.TRUE
                        : ByteArgs.lua(UriEscape.unescape(Arrays.copyOfRange(q, eq + 1, end)));
                add(result, key, value);
            }
            // every segment counts against max, even an empty one or one without a key
            count++;
            start = end + 1;
        }
        return result;
    }

    private static void add(LuaTable result, LuaString key, LuaValue value) {
        LuaValue old = result.rawget(key);
        if (old.isnil()) {
            result.rawset(key, value);
        } else if (old.istable()) {
            LuaTable list = (LuaTable) old;
            list.rawset(list.length() + 1, value);
        } else {
            LuaTable list = new LuaTable();
            list.rawset(1, old);
            list.rawset(2, value);
            result.rawset(key, list);
        }
    }
}
