package io.jresty.ngx.sleep;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.thread.Yielding;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.sleep: the caller's virtual thread sleeps with its worker's lock released, so the
 * worker's other requests, timers and light threads run meanwhile (OpenResty yields to its
 * event loop). ngx.sleep(0) just lets them run once.
 */
public final class NgxSleep implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        new ApiTable("ngx.", ngx).anywhere("sleep", Contexts.YIELDABLE, (ctx, args) -> sleep(ctx, args));
    }

    private static Varargs sleep(NgxContext ctx, Varargs args) {
        if (args.narg() != 1) {
            throw new ApiError("attempt to pass " + args.narg() + " arguments, but accepted 1");
        }
        if (ctx == null) {
            throw new ApiError("no request found");
        }
        LuaValue seconds = args.arg1().tonumber();
        if (seconds.isnil()) {
            throw new ApiError("bad argument #1 to 'sleep' (number expected, got " + args.arg1().typename() + ")");
        }
        // lua-nginx-module truncates to whole milliseconds before it checks the sign
        long millis = (long) (seconds.todouble() * 1000);
        if (millis < 0) {
            throw new ApiError("invalid sleep duration \"" + millis + "\"");
        }
        Yielding.wait(ctx, () -> {
            if (millis == 0) {
                Thread.yield();
            } else {
                Thread.sleep(millis);
            }
            return null;
        });
        return LuaValue.NONE;
    }
}
