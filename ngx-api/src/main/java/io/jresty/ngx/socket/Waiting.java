package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import java.util.concurrent.Callable;

/**
 * Runs a blocking socket call with the worker's lock released, so other requests of the
 * worker run meanwhile, as a yielding cosocket call lets them run in nginx.
 */
final class Waiting {
    private Waiting() {}

    /** The call's own IOException comes through unwrapped; nothing Lua may run inside it. */
    static <T> T release(NgxContext ctx, IoCall<T> call) throws java.io.IOException {
        if (ctx == null) {
            return call.run();
        }
        try {
            return ctx.worker().releaseWhile((Callable<T>) call::run);
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A blocking call that may fail with an IOException. */
    @FunctionalInterface
    interface IoCall<T> {
        T run() throws java.io.IOException;
    }
}
