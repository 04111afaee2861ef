package io.jresty.server.request;

import io.jresty.ngx.NgxContext;
import java.util.concurrent.Callable;

/**
 * Runs a blocking socket wait (reading the body, writing a flushed chunk) without the current
 * worker's lock, so other requests' Lua goes on meanwhile, as a yield does in OpenResty.
 */
final class WorkerWait {
    private WorkerWait() {}

    static <T> T call(Callable<T> wait) {
        NgxContext ctx = NgxContext.current();
        try {
            if (ctx == null || !ctx.worker().heldByCurrentThread()) {
                return wait.call();
            }
            return ctx.worker().releaseWhile(wait);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
