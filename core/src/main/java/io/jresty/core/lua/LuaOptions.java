package io.jresty.core.lua;

/**
 * What a worker's Lua state is built from.
 *
 * @param packagePath lua_package_path as the conf gives it (";;" stands for the default), or null
 * @param prefix      the server prefix relative path entries resolve against, or null
 */
public record LuaOptions(String packagePath, java.nio.file.Path prefix) {
    public static LuaOptions defaults() {
        return new LuaOptions(null, null);
    }
}
