package io.jresty.core.lua;

import java.util.function.Supplier;

/**
 * Where the running Lua code is ("content_by_lua(nginx.conf:12):3"), for ngx.log's
 * "[lua] chunk:line:" prefix. The compiler installs the finder that knows its generated code.
 */
public final class LuaPosition {
    private static volatile Supplier<String> finder = () -> null;

    private LuaPosition() {}

    public static void finder(Supplier<String> f) {
        finder = f;
    }

    /** "chunk:line" of the innermost Lua frame of this thread, or null when unknown. */
    public static String current() {
        return finder.get();
    }
}
