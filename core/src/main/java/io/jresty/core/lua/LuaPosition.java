package io.jresty.core.lua;

import java.util.function.Supplier;

/**
 * Where the running Lua code is ("content_by_lua(nginx.conf:12):3"), for ngx.log's
 * "[lua] chunk:line:" prefix. The compiler installs the finder that knows its generated code.
 */
public final class LuaPosition {
    private static volatile Supplier<String> finder = () -> null;
    private static volatile Supplier<String> nameFinder = () -> null;

    private LuaPosition() {}

    public static void finder(Supplier<String> f) {
        finder = f;
    }

    /** The finder of the innermost Lua function's name; see {@link #currentFunction()}. */
    public static void nameFinder(Supplier<String> f) {
        nameFinder = f;
    }

    /**
     * The name the innermost Lua function of this thread was called by, as Lua's
     * {@code debug.getinfo(1, "n").name} ("foo" for {@code foo()}, "m" for {@code obj:m()}), or
     * null for the main chunk and whenever the name is not known.
     */
    public static String currentFunction() {
        return nameFinder.get();
    }

    /** "chunk:line" of the innermost Lua frame of this thread, or null when unknown. */
    public static String current() {
        return finder.get();
    }
}
