package io.jresty.core.module;

import org.luaj.vm2.Globals;

/** require() over lua_package_path, package.loaded/preload, and the built-in Java modules. */
public final class LuaModules {
    private LuaModules() {}

    public static void install(Globals g, String packagePath) {
        if (packagePath != null) {
            g.get("package").set("path", packagePath.replace(";;", ";./?.lua;"));
        }
    }
}
