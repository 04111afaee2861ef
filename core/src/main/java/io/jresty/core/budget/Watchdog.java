package io.jresty.core.budget;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one thread that interrupts Lua runners at their deadlines. */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = start();

    private Watchdog() {}

    private static ScheduledThreadPoolExecutor start() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, work -> {
            Thread t = new Thread(work, "jresty-budget-watchdog");
            t.setDaemon(true);
            return t;
        });
        // a run that ends in time cancels its alarm; drop it at once instead of at its deadline
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    static ScheduledFuture<?> at(long delayNanos, Runnable alarm) {
        return TIMER.schedule(alarm, delayNanos, TimeUnit.NANOSECONDS);
    }
}
