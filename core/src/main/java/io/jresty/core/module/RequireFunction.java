package io.jresty.core.module;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * Lua 5.1's require: package.loaded first, then each of package.loaders in turn, the module
 * loaded once per Lua state (one worker), with 5.1's error texts.
 */
final class RequireFunction extends OneArgFunction {
    /** Marks a module being loaded, so a require loop or an earlier failure is reported. */
    private static final LuaValue LOADING = new LuaUserdata(new Object());

    private final Globals g;

    RequireFunction(Globals g) {
        this.g = g;
        this.name = "require";
    }

    @Override
    public LuaValue call(LuaValue arg) {
        if (!arg.isstring()) {
            throw new LuaError("bad argument #1 to 'require' (string expected, got "
                    + (arg.isnil() ? "no value" : arg.typename()) + ")");
        }
        String name = arg.tojstring();
        LuaValue pkg = g.get("package");
        LuaValue loaded = pkg.get("loaded");
        LuaValue existing = loaded.get(name);
        if (existing.toboolean()) {
            if (existing == LOADING) {
                throw new LuaError("loop or previous error loading module '" + name + "'");
            }
            return existing;
        }
        LuaValue loader = findLoader(pkg, name);
        loaded.set(name, LOADING);
        LuaValue result = loader.call(arg);
        if (!result.isnil()) {
            loaded.set(name, result);
        }
        if (loaded.get(name) == LOADING) {
            loaded.set(name, LuaValue.TRUE);
        }
        return loaded.get(name);
    }

    private static LuaValue findLoader(LuaValue pkg, String name) {
        LuaValue loaders = pkg.get("loaders");
        if (!loaders.istable()) {
            throw new LuaError("'package.loaders' must be a table");
        }
        StringBuilder notFound = new StringBuilder();
        for (int i = 1; ; i++) {
            LuaValue searcher = loaders.rawget(i);
            if (searcher.isnil()) {
                throw new LuaError("module '" + name + "' not found:" + notFound);
            }
            Varargs found = searcher.invoke(LuaValue.valueOf(name));
            LuaValue first = found.arg1();
            if (first.isfunction()) {
                return first;
            }
            if (first.isstring()) {
                notFound.append(first.tojstring());
            }
        }
    }
}
