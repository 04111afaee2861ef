package io.jresty.core.lua;

/**
 * What a worker's Lua state is built from.
 *
 * @param packagePath lua_package_path as the conf gives it (";;" stands for the default), or null
 */
public record LuaOptions(String packagePath) {
    public static LuaOptions defaults() {
        return new LuaOptions(null);
    }
}
