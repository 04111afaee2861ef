package io.jresty.core.module;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** require() over lua_package_path, package.loaded/preload, and the built-in Java modules. */
public final class LuaModules {
    private LuaModules() {}

    /** Relative path entries resolve against the working directory; see the prefix overload. */
    public static void install(Globals g, String packagePath) {
        install(g, packagePath, null, Clock.systemUTC());
    }

    public static void install(Globals g, String packagePath, Path prefix) {
        install(g, packagePath, prefix, Clock.systemUTC());
    }

    /**
     * Sets package.path from lua_package_path (";;" is the default path, "$prefix" the server
     * prefix, relative entries are looked up under the prefix), installs Lua 5.1's require and
     * package.loaders, and the built-in modules; {@code clock} is the time of resty.lrucache.
     */
    public static void install(Globals g, String packagePath, Path prefix, Clock clock) {
        LuaValue pkg = g.get("package");
        String defaultPath = PackagePath.defaultPath(System.getenv("LUA_PATH"));
        pkg.set("path", PackagePath.expand(packagePath, defaultPath, prefix));
        pkg.set("cpath", PackagePath.DEFAULT_CPATH);
        FileSearchers files = new FileSearchers(g, prefix == null ? null : prefix.toAbsolutePath());
        // One table under both names: LuaJ's code knows "searchers", Lua 5.1 code "loaders".
        LuaValue loaders = pkg.get("loaders").istable() ? pkg.get("loaders") : pkg.get("searchers");
        if (!loaders.istable()) {
            loaders = new LuaTable();
        }
        for (int i = loaders.length(); i >= 1; i--) {
            loaders.set(i, LuaValue.NIL);
        }
        LuaValue lrucache = RestyLrucache.loader(clock);
        loaders.set(1, preloadSearcher(g));
        loaders.set(2, files.luaSearcher());
        // after the path: lua-resty-lrucache's own files (they run on the ffi subset) win when installed
        loaders.set(3, fallbackSearcher(Map.of("resty.lrucache", lrucache, "resty.lrucache.pureffi", lrucache)));
        loaders.set(4, files.cSearcher());
        loaders.set(5, files.cRootSearcher());
        pkg.set("loaders", loaders);
        pkg.set("searchers", loaders);
        g.set("require", new RequireFunction(g));
        RestyCoreModules.preload(g);
    }

    /** Registers a module implemented in Java: {@code require(name)} calls the loader once per state. */
    public static void preload(Globals g, String name, LuaValue loader) {
        g.get("package").get("preload").set(name, loader);
    }

    /** A loader that returns a fixed module table. */
    public static LuaFunction constant(String name, LuaValue module) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return module;
            }
        };
    }

    /** Java modules that stand in for Lua files only when no file of that name is on package.path. */
    private static LuaValue fallbackSearcher(Map<String, LuaValue> builtIn) {
        return new VarArgFunction() {
            {
                this.name = "loader_builtin";
            }

            @Override
            public Varargs invoke(Varargs args) {
                LuaValue loader = builtIn.get(args.checkjstring(1));
                return loader != null ? loader : LuaValue.NONE;
            }
        };
    }

    private static LuaValue preloadSearcher(Globals g) {
        return new VarArgFunction() {
            {
                this.name = "loader_preload";
            }

            @Override
            public Varargs invoke(Varargs args) {
                String name = args.checkjstring(1);
                LuaValue preload = g.get("package").get("preload");
                if (!preload.istable()) {
                    throw new LuaError("'package.preload' must be a table");
                }
                LuaValue loader = preload.get(name);
                return loader.isnil() ? LuaValue.valueOf("\n\tno field package.preload['" + name + "']") : loader;
            }
        };
    }
}
