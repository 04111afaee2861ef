package io.jresty.server.http;

import io.jresty.server.lua.LuaChunk;
import java.util.List;
import java.util.regex.Pattern;

/** One statement of nginx's rewrite module (set, rewrite, return, set_by_lua), run in conf order. */
public sealed interface RewriteStep {
    /** set $var value; */
    record Set(String variable, Template value) implements RewriteStep {}

    /** rewrite regex replacement [last|break|redirect|permanent]; */
    record Rewrite(Pattern regex, Template replacement, Flag flag, boolean keepArgs) implements RewriteStep {}

    /** return code [text|URL]; or return URL; */
    record Return(int code, Template text) implements RewriteStep {}

    /** set_by_lua $var code [args...]; */
    record SetByLua(String variable, LuaChunk chunk, List<Template> args) implements RewriteStep {}

    enum Flag { NONE, LAST, BREAK, REDIRECT, PERMANENT }
}
