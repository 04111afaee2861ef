package io.jresty.server.conf;

import java.nio.file.Path;
import java.util.List;

/**
 * One directive of an nginx.conf, as parsed: its name, its arguments (quotes removed,
 * escapes resolved, variables left as text), its block when it has one, and where it stood.
 * A *_by_lua_block directive has the Lua source as its last argument (its only one, but for
 * set_by_lua_block $var { ... }) and no block; its line is the line of its "{", the line
 * lua-nginx-module names the chunk after. types { } and map { } entries are directives named
 * by their first word.
 *
 * @param block the directives inside { }, or null for a simple directive
 */
public record ConfDirective(String name, List<String> args, List<ConfDirective> block, Path file, int line) {
    public ConfDirective {
        args = List.copyOf(args);
        block = block == null ? null : List.copyOf(block);
    }

    public boolean hasBlock() {
        return block != null;
    }

    public String arg(int i) {
        return args.get(i);
    }

    /** "in /abs/nginx.conf:12", the tail of nginx's error messages. */
    public String where() {
        return "in " + file + ":" + line;
    }
}
