package io.jresty.server.conf;

import java.nio.file.Path;

/**
 * The name lua-nginx-module gives inline Lua from the conf, {@code content_by_lua(nginx.conf:40)}:
 * the directive's name without "_block", the conf file (just "nginx.conf" for a main conf of
 * that name, else relative to the conf prefix, else whole, cut to LuaJIT's 60 bytes with a
 * leading "..."), and the line of the directive's "{" or ";".
 */
public final class LuaChunkName {
    /** LuaJIT keeps 60 bytes of a chunk name; "=(:)" takes four of them. */
    private static final int MAX_LEN = 56;

    private LuaChunkName() {
    }

    /**
     * @param prefix the conf prefix ({@link ConfParser#prefixOf}); lua-nginx-module passes
     *               "=" + this name to lua_load, so Lua errors read {@code content_by_lua(nginx.conf:40):2: ...}
     */
    public static String of(ConfDirective directive, Path prefix) {
        String tag = directive.name().endsWith("_block")
            ? directive.name().substring(0, directive.name().length() - "_block".length())
            : directive.name();
        String line = Integer.toString(directive.line());
        int reserve = tag.length() + line.length();
        String file = directive.file().toString();
        String shown;
        if (file.endsWith("/nginx.conf")) {
            shown = "nginx.conf";
        } else {
            String dir = prefix.toString().endsWith("/") ? prefix.toString() : prefix + "/";
            String rest = file.startsWith(dir) && file.length() > dir.length() ? file.substring(dir.length()) : file;
            shown = rest.length() + reserve > MAX_LEN
                ? "..." + rest.substring(rest.length() - Math.max(0, MAX_LEN - reserve - 3))
                : rest;
        }
        return tag + "(" + shown + ":" + line + ")";
    }
}
