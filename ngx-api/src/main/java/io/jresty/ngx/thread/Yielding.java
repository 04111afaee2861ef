package io.jresty.ngx.thread;

import io.jresty.core.budget.LuaTimeout;
import io.jresty.ngx.NgxContext;
import java.util.concurrent.Callable;
import org.luaj.vm2.LuaError;

/**
 * Where OpenResty would yield the running coroutine (sleep, semaphore wait, thread wait), jresty
 * blocks the virtual thread with its worker's lock released, so the worker's other requests,
 * timers and light threads run meanwhile. A light thread killed while it waited does not come back.
 */
public final class Yielding {
    private Yielding() {}

    /** Runs wait without the worker lock; an interrupt ends the Lua code (kill or budget). */
    public static <T> T wait(NgxContext ctx, Callable<T> wait) {
        T value;
        try {
            value = ctx.worker().releaseWhile(wait);
        } catch (InterruptedException e) {
            Error exit = lightThreadExit(ctx);
            if (exit != null) {
                throw exit;
            }
            Thread.currentThread().interrupt();
            throw interrupted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new LuaError(String.valueOf(e));
        }
        LightThread self = LightThread.current();
        if (self != null && self.killed()) {
            throw new ThreadKilled();
        }
        Error exit = lightThreadExit(ctx);
        if (exit != null) {
            throw exit;
        }
        return value;
    }

    /**
     * On an entry thread: the ngx.exit one of its light threads called (which interrupted this
     * wait), with the interrupt consumed; else null.
     */
    private static Error lightThreadExit(NgxContext ctx) {
        if (LightThread.current() != null) {
            return null;
        }
        UserThreads group = UserThreads.existing(ctx);
        io.jresty.ngx.control.NgxExit exit = group == null ? null : group.exit();
        if (exit != null) {
            Thread.interrupted();
        }
        return exit;
    }

    /** What an interrupted wait raises: a kill for a killed light thread, else the budget's timeout. */
    static Error interrupted() {
        LightThread self = LightThread.current();
        if (self != null && self.killed()) {
            return new ThreadKilled();
        }
        return new LuaTimeout("lua code interrupted");
    }
}
