package io.jresty.core.lua;

import java.nio.file.Path;

/**
 * What a worker's Lua state is built from.
 *
 * @param packagePath lua_package_path as the conf gives it (";;" stands for the default), or null
 * @param prefix the server prefix: "$prefix" in the path, and where relative path entries are
 *     looked up; null for the working directory
 */
public record LuaOptions(String packagePath, Path prefix) {
    public LuaOptions(String packagePath) {
        this(packagePath, null);
    }

    public static LuaOptions defaults() {
        return new LuaOptions(null, null);
    }
}
