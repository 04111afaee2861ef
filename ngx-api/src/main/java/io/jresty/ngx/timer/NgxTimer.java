package io.jresty.ngx.timer;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.timer.at, ngx.timer.every, ngx.timer.running_count and ngx.timer.pending_count, over the
 * server-wide {@link TimerService}. Callbacks run later in the creating worker, in the "timer"
 * phase, as callback(premature, ...).
 */
public final class NgxTimer implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable timer = new LuaTable();
        ApiTable api = new ApiTable("ngx.timer.", timer);
        api.anywhere("at", Contexts.ANY, (ctx, args) -> create(env, ctx, args, false));
        api.anywhere("every", Contexts.ANY, (ctx, args) -> create(env, ctx, args, true));
        api.anywhere("running_count", Contexts.ANY,
                (ctx, args) -> LuaValue.valueOf(service(env).runningCount(worker(ctx).worker())));
        api.anywhere("pending_count", Contexts.ANY,
                (ctx, args) -> LuaValue.valueOf(service(env).pendingCount(worker(ctx).worker())));
        ngx.set("timer", timer);
    }

    /** The service, made with the default limits unless the server registered it first. */
    static TimerService service(NgxEnvironment env) {
        return env.service(TimerService.class, () -> new TimerService(env, TimerLimits.DEFAULTS));
    }

    /** init_by_lua has no request for timers to hang on, as lua-nginx-module says it. */
    private static NgxContext worker(NgxContext ctx) {
        if (ctx == null || ctx.phase() == Phase.INIT) {
            throw new ApiError("no request");
        }
        return ctx;
    }

    private static Varargs create(NgxEnvironment env, NgxContext ctx, Varargs args, boolean every) {
        String name = every ? "every" : "at";
        int n = args.narg();
        if (n < 2) {
            throw new ApiError("expecting at least 2 arguments but got " + n);
        }
        LuaValue seconds = args.arg1().tonumber();
        if (seconds.isnil()) {
            throw new ApiError("bad argument #1 to '" + name + "' (number expected, got "
                    + args.arg1().typename() + ")");
        }
        long delay = (long) (seconds.todouble() * 1000);
        if (every && delay == 0) {
            throw new ApiError("delay cannot be zero");
        }
        if (!args.arg(2).isfunction()) {
            throw new ApiError("bad argument #2 to '" + name + "' (Lua function expected)");
        }
        NgxContext where = worker(ctx);
        PendingTimer timer = new PendingTimer(where.worker(), (LuaFunction) args.arg(2), args.subargs(3),
                every ? delay : 0);
        String err = service(env).create(timer, Math.max(0, delay));
        return err == null ? LuaValue.valueOf(1) : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(err));
    }
}
