package io.jresty.ngx.request;

import io.jresty.ngx.api.ApiError;
import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
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

    /** Encodes a Lua table as lua-nginx-module's ngx.encode_args does. */
    public static String encode(LuaTable args) {
        StringBuilder out = new StringBuilder();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = args.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            LuaValue v = next.arg(2);
            if (!k.isstring()) {
                throw new ApiError("attempt to use " + k.typename() + " as query arg key");
            }
            String key = escape(k.strvalue());
            if (v.istable()) {
                LuaTable t = (LuaTable) v;
                for (int i = 1; i <= t.length(); i++) {
                    appendPair(out, key, t.get(i));
                }
            } else {
                appendPair(out, key, v);
            }
        }
        return out.toString();
    }

    private static void appendPair(StringBuilder out, String key, LuaValue v) {
        if (v.isboolean()) {
            if (!v.toboolean()) {
                return;
            }
            sep(out).append(key);
        } else if (v.isstring()) {
            sep(out).append(key).append('=').append(escape(v.strvalue()));
        } else {
            throw new ApiError("attempt to use " + v.typename() + " as query arg value");
        }
    }

    private static StringBuilder sep(StringBuilder out) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        return out;
    }

    /** escape_uri type 2 (URI component): everything but alphanumerics and -._~ is %XX. */
    public static String escape(LuaString s) {
        StringBuilder out = new StringBuilder(s.m_length);
        for (int i = 0; i < s.m_length; i++) {
            int b = s.m_bytes[s.m_offset + i] & 0xff;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~') {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
            }
        }
        return out.toString();
    }
}
