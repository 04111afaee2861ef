package io.jresty.core.module;

import java.nio.file.Path;

/**
 * package.path and package.cpath as lua-nginx-module sets them from lua_package_path and
 * lua_package_cpath: ";;" stands for the default path, "$prefix" and "${prefix}" for the
 * server prefix (with its trailing slash, as nginx keeps it).
 */
final class PackagePath {
    /** LuaJIT's compiled-in path on Debian, without LuaJIT's own jit/*.lua directory. */
    static final String DEFAULT_PATH = "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;"
            + "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua";
    /** LuaJIT's compiled-in cpath on Debian; jresty finds C modules there only to say it cannot load them. */
    static final String DEFAULT_CPATH = "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;"
            + "/usr/local/lib/lua/5.1/loadall.so";

    private PackagePath() {}

    /** LuaJIT's start-up path: LUA_PATH from the environment (its ";;" is the built-in one), else the built-in. */
    static String defaultPath(String luaPathEnv) {
        if (luaPathEnv == null) {
            return DEFAULT_PATH;
        }
        return luaPathEnv.replace(";;", ";" + DEFAULT_PATH + ";");
    }

    /** The path a conf value gives, or the default when the directive is absent (null or empty). */
    static String expand(String confPath, String defaultPath, Path prefix) {
        if (confPath == null || confPath.isEmpty()) {
            return defaultPath;
        }
        // The marker keeps a default path that itself contains "$prefix" from being substituted.
        String marked = confPath.replace(";;", ";\u0001;");
        if (prefix != null) {
            String p = prefixText(prefix);
            marked = marked.replace("${prefix}", p).replace("$prefix", p);
        }
        return marked.replace("\u0001", defaultPath);
    }

    private static String prefixText(Path prefix) {
        String p = prefix.toString();
        return p.endsWith("/") ? p : p + "/";
    }
}
