package io.jresty.ngx.timer;

import io.jresty.core.worker.LuaWorker;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.Varargs;

/**
 * One created timer until it expires: its worker, callback and arguments. Whoever claims it
 * first (its expiry, or the server's shutdown) runs it, exactly once.
 */
final class PendingTimer {
    final LuaWorker worker;
    final LuaFunction callback;
    final Varargs args;
    /** The repeat interval of ngx.timer.every, 0 for ngx.timer.at. */
    final long everyMillis;
    private final AtomicBoolean claimed = new AtomicBoolean();
    volatile Future<?> expiry;

    PendingTimer(LuaWorker worker, LuaFunction callback, Varargs args, long everyMillis) {
        this.worker = worker;
        this.callback = callback;
        this.args = args;
        this.everyMillis = everyMillis;
    }

    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    PendingTimer next() {
        return new PendingTimer(worker, callback, args, everyMillis);
    }
}
