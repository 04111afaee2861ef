package io.jresty.ngx.codec;

import java.util.Arrays;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Query-string style args ("a=1&b&a=2") into a Lua table, for ngx.decode_args, ngx.req.get_post_args
 * and ngx.req.get_uri_args: segments split at '&', the key ends at the first '=' (later ones are
 * part of the value), a key without '=' is true, a pair whose unescaped key is empty is dropped,
 * a repeated key collects its values in a list, and keys and values are unescaped with '+' as a
 * space. Only how max is counted differs between the two parsers lua-nginx-module has.
 */
public final class ArgsParser {
    /** The max all three functions use when none is given, lua-nginx-module's. */
    public static final int DEFAULT_MAX = 100;

    private static final LuaString TRUNCATED = LuaString.valueOf("truncated");

    /** How max limits the args, measured on nginx 1.22 + lua-nginx-module 0.10.23 + lua-resty-core 0.1.25. */
    public enum MaxCount {
        /**
         * ngx_http_lua_parse_args (decode_args, get_post_args): every '&' read counts, empty pairs
         * too, and reading stops with "truncated" when the count reaches max, even at a final '&'.
         * max below 1 is no limit.
         */
        SEPARATORS,
        /**
         * lua-resty-core's get_uri_args: "truncated" when there are more segments than max; then
         * up to max pairs with a non-empty key are kept, so empty pairs do not use up the limit.
         * max 0 is no limit (the caller turns a negative max into the default).
         */
        SEGMENTS
    }

    private ArgsParser() {}

    /** Returns the table, plus "truncated" when max cut the args short. */
    public static Varargs parse(byte[] query, int max, MaxCount counting) {
        return parse(query, max, counting, new LuaTable());
    }

    /** As {@link #parse(byte[], int, MaxCount)}, filling the given (empty) table. */
    public static Varargs parse(byte[] query, int max, MaxCount counting, LuaTable out) {
        int keep = Integer.MAX_VALUE;
        boolean truncated = false;
        if (counting == MaxCount.SEGMENTS) {
            int segments = segments(query);
            keep = segments;
            if (max > 0 && segments > max) {
                keep = max;
                truncated = true;
            }
            if (keep == 0) {
                return out;
            }
        }
        int separators = 0;
        int kept = 0;
        int start = 0;
        while (start <= query.length) {
            int end = start;
            while (end < query.length && query[end] != '&') {
                end++;
            }
            if (pair(query, start, end, out)) {
                kept++;
            }
            if (counting == MaxCount.SEGMENTS && kept == keep) {
                break;
            }
            if (end == query.length) {
                break;
            }
            separators++;
            if (counting == MaxCount.SEPARATORS && max > 0 && separators == max) {
                truncated = true;
                break;
            }
            start = end + 1;
        }
        return truncated ? LuaValue.varargsOf(out, TRUNCATED) : out;
    }

    /** What resty.core counts: no segment in "", otherwise one more than the '&'s. */
    private static int segments(byte[] query) {
        if (query.length == 0) {
            return 0;
        }
        int n = 1;
        for (byte b : query) {
            if (b == '&') {
                n++;
            }
        }
        return n;
    }

    /** Adds the pair in query[start, end) unless its key is empty; says whether it added it. */
    private static boolean pair(byte[] query, int start, int end, LuaTable out) {
        int eq = start;
        while (eq < end && query[eq] != '=') {
            eq++;
        }
        byte[] key = UriEscape.unescape(Arrays.copyOfRange(query, start, eq));
        if (key.length == 0) {
            return false;
        }
        LuaValue value = eq == end ? LuaValue.TRUE
                : ByteArgs.lua(UriEscape.unescape(Arrays.copyOfRange(query, eq + 1, end)));
        add(out, ByteArgs.lua(key), value);
        return true;
    }

    private static void add(LuaTable out, LuaString key, LuaValue value) {
        LuaValue old = out.rawget(key);
        if (old.isnil()) {
            out.rawset(key, value);
        } else if (old.istable()) {
            LuaTable list = (LuaTable) old;
            list.rawset(list.length() + 1, value);
        } else {
            LuaTable list = new LuaTable();
            list.rawset(1, old);
            list.rawset(2, value);
            out.rawset(key, list);
        }
    }
}
