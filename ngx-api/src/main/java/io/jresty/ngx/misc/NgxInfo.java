package io.jresty.ngx.misc;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** ngx.get_phase, ngx.config and ngx.worker: facts about where the code runs. */
public final class NgxInfo implements NgxArea {
    /** The nginx and lua-nginx-module versions jresty follows (1.22.1, 0.10.23). */
    public static final int NGINX_VERSION = 1022001;
    public static final int NGX_LUA_VERSION = 10023;

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        new ApiTable("ngx.", ngx).anywhere("get_phase", Contexts.ANY, (ctx, a) ->
                LuaValue.valueOf(ctx == null ? "init" : ctx.phase().luaName()));

        LuaTable config = new LuaTable();
        config.set("subsystem", "http");
        config.set("debug", LuaValue.FALSE);
        config.set("nginx_version", NGINX_VERSION);
        config.set("ngx_lua_version", NGX_LUA_VERSION);
        ApiTable configApi = new ApiTable("ngx.config.", config);
        configApi.anywhere("prefix", Contexts.ANY, (ctx, a) -> {
            String p = env.prefix().toString();
            return LuaValue.valueOf(p.endsWith("/") ? p : p + "/");
        });
        configApi.anywhere("nginx_configure", Contexts.ANY, (ctx, a) -> LuaValue.valueOf(""));
        ngx.set("config", config);

        LuaTable worker = new LuaTable();
        ApiTable workerApi = new ApiTable("ngx.worker.", worker);
        workerApi.anywhere("id", Contexts.ANY, (ctx, a) -> {
            NgxContext c = NgxContext.current();
            return c == null ? LuaValue.NIL : LuaValue.valueOf(c.worker().id());
        });
        workerApi.anywhere("count", Contexts.ANY, (ctx, a) -> LuaValue.valueOf(env.workerCount()));
        workerApi.anywhere("pid", Contexts.ANY, (ctx, a) -> LuaValue.valueOf((double) env.pid()));
        workerApi.anywhere("exiting", Contexts.ANY, (ctx, a) -> LuaValue.valueOf(env.exiting()));
        ngx.set("worker", worker);
    }
}
