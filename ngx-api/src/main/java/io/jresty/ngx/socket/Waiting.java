package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.thread.Yielding;
import java.io.IOException;

/**
 * Runs a blocking socket call with the worker's lock released, so other requests of the
 * worker run meanwhile, as a yielding cosocket call lets them run in nginx. It goes through
 * {@link Yielding#wait}, so a light thread killed while it waits on a socket does not come back.
 */
final class Waiting {
    private Waiting() {}

    /** How the call ended: its value, or its IOException (carried past the Callable). */
    private record Outcome<T>(T value, IOException error) {}

    /** The call's own IOException comes through unwrapped; nothing Lua may run inside it. */
    static <T> T release(NgxContext ctx, IoCall<T> call) throws IOException {
        if (ctx == null) {
            return call.run();
        }
        Outcome<T> outcome = Yielding.wait(ctx, () -> {
            try {
                return new Outcome<>(call.run(), null);
            } catch (IOException e) {
                return new Outcome<>(null, e);
            }
        });
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.value();
    }

    /** A blocking call that may fail with an IOException. */
    @FunctionalInterface
    interface IoCall<T> {
        T run() throws IOException;
    }
}
