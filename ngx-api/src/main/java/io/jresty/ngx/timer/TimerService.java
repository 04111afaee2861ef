package io.jresty.ngx.timer;

import io.jresty.core.budget.LuaTimeout;
import io.jresty.core.compile.LuaCalls;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.thread.AbortLog;
import io.jresty.ngx.thread.NgxThread;
import io.jresty.ngx.thread.ThreadKilled;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The timers of all workers (one server-wide service). A timer expires on a small scheduler
 * thread and runs its callback on a virtual thread of its own worker, under that worker's lock.
 * Closing it (at server stop) runs every pending timer at once with premature = true, then
 * waits a bounded time for running callbacks.
 */
public final class TimerService implements AutoCloseable {
    private static final long SHUTDOWN_WAIT_MILLIS = 3_000;

    private final NgxEnvironment env;
    private final TimerLimits limits;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<LuaWorker, WorkerTimers> byWorker = new ConcurrentHashMap<>();
    private final Set<PendingTimer> pending = ConcurrentHashMap.newKeySet();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Counters of one worker, as lua-nginx-module keeps them per process. */
    private record WorkerTimers(AtomicInteger pending, AtomicInteger running) {}

    public TimerService(NgxEnvironment env, TimerLimits limits) {
        this.env = env;
        this.limits = limits;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ngx.timer");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    private WorkerTimers counts(LuaWorker worker) {
        return byWorker.computeIfAbsent(worker, w -> new WorkerTimers(new AtomicInteger(), new AtomicInteger()));
    }

    int pendingCount(LuaWorker worker) {
        return counts(worker).pending().get();
    }

    int runningCount(LuaWorker worker) {
        return counts(worker).running().get();
    }

    /** Creates a timer; returns null, or the error text ngx.timer.at returns with nil. */
    String create(PendingTimer timer, long delayMillis) {
        if (env.exiting() && delayMillis > 0) {
            return "process exiting";
        }
        AtomicInteger count = counts(timer.worker).pending();
        if (count.get() >= limits.maxPending()) {
            return "too many pending timers";
        }
        count.incrementAndGet();
        schedule(timer, delayMillis);
        return null;
    }

    private void schedule(PendingTimer timer, long delayMillis) {
        pending.add(timer);
        if (closed) {
            // created while exiting with delay 0: nginx still runs it, not prematurely
            expire(timer, false);
            return;
        }
        try {
            timer.expiry = scheduler.schedule(() -> expire(timer, false), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            expire(timer, false);
        }
    }

    private void expire(PendingTimer timer, boolean premature) {
        if (!timer.claim()) {
            return;
        }
        pending.remove(timer);
        WorkerTimers counts = counts(timer.worker);
        counts.pending().decrementAndGet();
        if (timer.everyMillis > 0 && !premature && !env.exiting()) {
            // as nginx, the next round is armed before this one runs: rounds may overlap
            counts.pending().incrementAndGet();
            schedule(timer.next(), timer.everyMillis);
        }
        if (counts.running().get() >= limits.maxRunning()) {
            env.errorLog().log(LogLevel.ALERT, "lua failed to run timer with function defined at "
                    + definedAt(timer) + ": " + limits.maxRunning() + " lua_max_running_timers are not enough");
            return;
        }
        counts.running().incrementAndGet();
        Thread t = Thread.ofVirtual().name("ngx.timer").unstarted(() -> {
            try {
                run(timer, premature);
            } finally {
                counts.running().decrementAndGet();
                running.remove(Thread.currentThread());
            }
        });
        running.add(t);
        t.start();
    }

    private void run(PendingTimer timer, boolean premature) {
        LuaWorker worker = timer.worker;
        NgxContext ctx = new NgxContext(worker, null, Phase.TIMER);
        worker.run(() -> {
            try (NgxContext.Scope s = NgxContext.enter(ctx)) {
                try {
                    LuaCalls.call(timer.callback, LuaValue.varargsOf(LuaValue.valueOf(premature), timer.args));
                    NgxThread.finish(ctx);
                } catch (NgxExit e) {
                    NgxThread.abandon(ctx);
                } catch (LuaError | LuaTimeout | ThreadKilled e) {
                    NgxThread.abandon(ctx);
                    AbortLog.log(env, ctx, "lua entry thread aborted: runtime error: " + e.getMessage());
                } catch (RuntimeException e) {
                    NgxThread.abandon(ctx);
                    AbortLog.log(env, ctx, "lua entry thread aborted: runtime error: " + e);
                }
            }
        });
    }

    private static String definedAt(PendingTimer timer) {
        if (timer.callback instanceof LuaClosure c) {
            return c.p.source.tojstring() + ":" + c.p.linedefined;
        }
        return timer.callback.name();
    }

    /** Server stop: pending timers run now with premature = true; running ones get a bounded wait. */
    @Override
    public void close() {
        closed = true;
        for (PendingTimer timer : Set.copyOf(pending)) {
            if (timer.expiry != null) {
                timer.expiry.cancel(false);
            }
            expire(timer, true);
        }
        scheduler.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
        // callbacks may start more (delay 0 is still allowed while exiting): wait until none runs
        while (!running.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                running.forEach(Thread::interrupt);
                return;
            }
            try {
                running.iterator().next().join(java.time.Duration.ofNanos(left));
            } catch (java.util.NoSuchElementException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
