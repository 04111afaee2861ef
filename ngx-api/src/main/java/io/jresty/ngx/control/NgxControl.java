package io.jresty.ngx.control;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.request.NgxRequest;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ngx.exit, ngx.exec, ngx.redirect: leaving the current handler as lua-nginx-module does. */
public final class NgxControl implements NgxArea {
    private static final Set<Phase> EXIT_CONTEXTS = Contexts.of(Phase.REWRITE, Phase.ACCESS, Phase.CONTENT,
            Phase.HEADER_FILTER, Phase.TIMER, Phase.BALANCER);

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        ApiTable api = new ApiTable("ngx.", ngx);
        api.anywhere("exit", EXIT_CONTEXTS, (ctx, args) -> exit(ctx, args, env));
        api.request("redirect", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> redirect(ctx.request(), args));
        api.request("exec", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> exec(ctx.request(), args));
    }

    private static Varargs exit(NgxContext ctx, Varargs args, NgxEnvironment env) {
        int status = args.checkint(1);
        if (ctx == null) {
            throw NgxExit.exit(status);
        }
        NgxRequest r = ctx.request();
        if (ctx.phase() == Phase.HEADER_FILTER) {
            // no unwinding here: the handler goes on, then the response ends with this status;
            // ngx.OK changes nothing
            if (status != 0) {
                r.headerFilterExit(status);
            }
            return LuaValue.NONE;
        }
        if (r != null && r.headersSent() && status >= 300 && status != r.status()) {
            env.errorLog().log(LogLevel.ERR, r.connectionId(), "attempt to set status " + status
                    + " via ngx.exit after sending out the response status " + r.status(), null);
            status = 200;
        }
        throw NgxExit.exit(status);
    }

    private static Varargs redirect(NgxRequest r, Varargs args) {
        String uri = args.checkjstring(1);
        int status = args.optint(2, 302);
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new ApiError("only ngx.HTTP_MOVED_TEMPORARILY, ngx.HTTP_MOVED_PERMANENTLY, "
                    + "ngx.HTTP_PERMANENT_REDIRECT, ngx.HTTP_SEE_OTHER, and ngx.HTTP_TEMPORARY_REDIRECT are allowed");
        }
        if (r.headersSent()) {
            throw new ApiError("attempt to call ngx.redirect after sending out the headers");
        }
        r.responseHeaders().set("Location", uri);
        throw NgxExit.exit(status);
    }

    private static Varargs exec(NgxRequest r, Varargs args) {
        String uri = args.checkjstring(1);
        if (uri.isEmpty()) {
            throw new ApiError("The uri argument is empty");
        }
        if (r.headersSent()) {
            throw new ApiError("attempt to call ngx.exec after sending out response headers");
        }
        String query = null;
        int q = uri.indexOf('?');
        if (q >= 0) {
            query = uri.substring(q + 1);
            uri = uri.substring(0, q);
        }
        LuaValue extra = args.arg(2);
        if (extra.isstring()) {
            query = query == null ? extra.tojstring() : query + "&" + extra.tojstring();
        } else if (extra.istable()) {
            String encoded = io.jresty.ngx.request.QueryArgs.encode((LuaTable) extra);
            query = query == null ? encoded : query + "&" + encoded;
        } else if (!extra.isnil()) {
            throw new ApiError("bad argument #2 to 'exec' (string, number, or table expected, got "
                    + extra.typename() + ")");
        }
        throw NgxExit.exec(uri, query);
    }
}
