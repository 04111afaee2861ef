package io.jresty.ngx.dynacode;

import io.jresty.ngx.NgxEnvironment;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * Registers the built-in resty.dynacode.controller of a worker as the last module searcher:
 * a user who keeps lua-resty-dynacode's own Lua files on lua_package_path gets those instead.
 */
public final class DynacodeModule {
    static final String NAME = "resty.dynacode.controller";

    private DynacodeModule() {}

    public static void install(Globals globals, NgxEnvironment env) {
        LuaValue pkg = globals.get("package");
        LuaValue searchers = pkg.get("loaders").istable() ? pkg.get("loaders") : pkg.get("searchers");
        if (!searchers.istable()) {
            return;
        }
        LuaTable table = (LuaTable) searchers;
        table.set(table.length() + 1, new OneArgFunction() {
            private WorkerController controller;

            @Override
            public LuaValue call(LuaValue name) {
                if (!name.isstring() || !name.tojstring().equals(NAME)) {
                    return valueOf("\n\tno built-in module '" + name.tojstring() + "'");
                }
                return new ZeroArgFunction() {
                    @Override
                    public LuaValue call() {
                        if (controller == null) {
                            controller = new WorkerController(env, globals);
                        }
                        return controller.module();
                    }
                };
            }
        });
    }
}
