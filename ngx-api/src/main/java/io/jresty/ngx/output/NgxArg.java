package io.jresty.ngx.output;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.NgxArea;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/** ngx.arg: the chunk and eof flag in body_filter, the arguments in set_by_lua. */
public final class NgxArg implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable arg = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key) {
                LuaTable args = args();
                return args == null ? NIL : args.get(key);
            }
        });
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
                LuaTable args = args();
                if (args == null) {
                    throw new ApiError("API disabled in the current context");
                }
                args.set(key, value);
                return NONE;
            }
        });
        arg.setmetatable(meta);
        ngx.set("arg", arg);
    }

    private static LuaTable args() {
        NgxContext ctx = NgxContext.current();
        return ctx == null || ctx.request() == null ? null : ctx.request().filterArgs();
    }
}
