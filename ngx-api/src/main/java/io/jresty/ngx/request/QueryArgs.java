package io.jresty.ngx.request;

import io.jresty.ngx.codec.ArgsParser;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** A request's query string as lua-nginx-module reads and writes it (get_uri_args, set_uri_args, exec). */
public final class QueryArgs {
    private QueryArgs() {}

    /**
     * get_uri_args(max, tab): lua-resty-core's counting, where a negative max is the default
     * 100 and 0 no limit; the args go into tab (cleared first) when one is given.
     * Returns (table, "truncated") when max cut them short.
     */
    public static Varargs uriArgs(String query, int max, LuaTable tab) {
        LuaTable out = tab == null ? new LuaTable() : cleared(tab);
        byte[] q = query == null ? new byte[0] : bytes(query);
        return ArgsParser.parse(q, max < 0 ? ArgsParser.DEFAULT_MAX : max, ArgsParser.MaxCount.SEGMENTS, out);
    }

    /** get_post_args(max): lua-nginx-module's own counting, where max below 1 is no limit. */
    public static Varargs postArgs(byte[] body, int max) {
        return ArgsParser.parse(body == null ? new byte[0] : body, max, ArgsParser.MaxCount.SEPARATORS);
    }

    /**
     * The query's bytes: a query read off the wire holds one char per byte, one that
     * set_uri_args stored from a Lua string may hold UTF-8 decoded text.
     */
    private static byte[] bytes(String query) {
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) > 0xff) {
                return query.getBytes(StandardCharsets.UTF_8);
            }
        }
        return query.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** clear_tab: every key goes, array part and hash part alike. */
    private static LuaTable cleared(LuaTable tab) {
        for (LuaValue k : tab.keys()) {
            tab.rawset(k, LuaValue.NIL);
        }
        return tab;
    }

    /** Encodes a Lua table as lua-nginx-module's ngx.encode_args does (its bytes are ASCII). */
    public static String encode(LuaTable args) {
        return new String(io.jresty.ngx.codec.QueryArgs.encode(args), StandardCharsets.ISO_8859_1);
    }
}
