package io.jresty.ngx.misc;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.request.NgxRequest;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/** The fields of ngx that are request state, not functions: ngx.status, ngx.ctx, ngx.headers_sent, ngx.is_subrequest. */
public final class NgxProperties implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable meta = new LuaTable();
        meta.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key) {
                if (!key.isstring()) {
                    return NIL;
                }
                return switch (key.tojstring()) {
                    case "status" -> valueOf(request().status());
                    case "ctx" -> request().ctx();
                    case "headers_sent" -> valueOf(request().headersSent());
                    case "is_subrequest" -> valueOf(request().isSubrequest());
                    default -> NIL;
                };
            }
        });
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
                String name = key.isstring() ? key.tojstring() : "";
                switch (name) {
                    case "status" -> setStatus(env, value);
                    case "ctx" -> {
                        if (!value.istable()) {
                            throw new ApiError("ctx should be a table while getting a " + value.typename());
                        }
                        request().ctx((LuaTable) value);
                    }
                    default -> ((LuaTable) self).rawset(key, value);
                }
                return NONE;
            }
        });
        ngx.setmetatable(meta);
    }

    private static void setStatus(NgxEnvironment env, LuaValue value) {
        NgxContext ctx = NgxContext.current();
        NgxRequest r = request();
        // no phase check (measured): after the headers went out it is only logged
        if (r.headersSent()) {
            env.errorLog().log(LogLevel.ERR, r.connectionId(),
                    "attempt to set ngx.status after sending out response headers",
                    io.jresty.ngx.log.RequestSuffix.of(ctx));
            return;
        }
        int status = value.checkint();
        r.status(status);
    }

    private static NgxRequest request() {
        NgxContext ctx = NgxContext.current();
        if (ctx == null || ctx.request() == null) {
            throw new ApiError("no request object found");
        }
        return ctx.request();
    }
}
