package io.jresty.ngx.request;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Query strings as lua-nginx-module reads and writes them (get_uri_args, encode_args, exec). */
public final class QueryArgs {
    private QueryArgs() {}

    /** Decodes "a=1&b&a=2" into {a={"1","2"}, b=true}; max 0 means no limit. */
    public static LuaTable decode(String query, int max) {
        return decodeTruncating(query, max).arg1().checktable();
    }

    /**
     * As {@link #decode}, returning (table, "truncated") when more than max args were there,
     * as get_uri_args and get_post_args do. Pairs with an empty key are dropped.
     */
    public static Varargs decodeTruncating(String query, int max) {
        LuaTable out = new LuaTable();
        if (query == null || query.isEmpty()) {
            return out;
        }
        int count = 0;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty() || pair.startsWith("=")) {
                continue;
            }
            if (max > 0 && count >= max) {
                return LuaValue.varargsOf(out, LuaValue.valueOf("truncated"));
            }
            count++;
            int eq = pair.indexOf('=');
            LuaValue key;
            LuaValue value;
            if (eq < 0) {
                key = unescape(pair);
                value = LuaValue.TRUE;
            } else {
                key = unescape(pair.substring(0, eq));
                value = unescape(pair.substring(eq + 1));
            }
            LuaValue existing = out.get(key);
            if (existing.isnil()) {
                out.set(key, value);
            } else if (existing.istable()) {
                LuaTable t = (LuaTable) existing;
                t.set(t.length() + 1, value);
            } else {
                LuaTable t = new LuaTable();
                t.set(1, existing);
                t.set(2, value);
                out.set(key, t);
            }
        }
        return out;
    }

    /** URI-unescapes with "+" as a space, as args are decoded. */
    public static LuaString unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() + 0 && hex(s.charAt(i + 1)) >= 0 && i + 2 < s.length()
                    && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Encodes a Lua table as lua-nginx-module's ngx.encode_args does (its bytes are ASCII). */
    public static String encode(LuaTable args) {
        return new String(io.jresty.ngx.codec.QueryArgs.encode(args), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
