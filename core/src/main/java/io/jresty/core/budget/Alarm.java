package io.jresty.core.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One budgeted run, shared with the watchdog: when it fires it interrupts every thread running
 * Lua for that run, the runner and any thread it handed Lua work to (a coroutine body, say,
 * see {@link Budget#share}). Its clock can be paused while the run waits (see
 * {@link Budget#outside}). Opaque outside this package.
 */
public final class Alarm {
    private final String what;
    private final Duration limit;
    /** Threads working for this run, and the clock; all guarded by this. */
    private final List<Thread> threads = new ArrayList<>();
    private boolean fired;
    private long remainingNanos;
    private long deadline;
    private int pauses;
    private int generation;
    private ScheduledFuture<?> timer;

    Alarm(String what, Duration limit) {
        this.what = what;
        this.limit = limit;
        this.remainingNanos = Math.max(1, limit.toNanos());
    }

    synchronized void start() {
        deadline = System.nanoTime() + remainingNanos;
        int armed = ++generation;
        timer = Watchdog.at(remainingNanos, () -> fire(armed));
    }

    synchronized void stop() {
        generation++;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Stops the clock (nestable): time from here to {@link #resume} does not count. */
    synchronized void pause() {
        if (pauses++ == 0 && !fired) {
            remainingNanos = deadline - System.nanoTime();
            stop();
            if (remainingNanos <= 0) {
                fireNow();
            }
        }
    }

    synchronized void resume() {
        if (--pauses == 0 && !fired) {
            start();
        }
    }

    private synchronized void fire(int armed) {
        // a timer cancelled by pause() may still run; only the current one counts
        if (armed == generation) {
            fireNow();
        }
    }

    private void fireNow() {
        fired = true;
        threads.forEach(Thread::interrupt);
    }

    synchronized boolean fired() {
        return fired;
    }

    /** The current thread works for this run from now on; if it fired already, stop at once. */
    synchronized void join() {
        Thread current = Thread.currentThread();
        threads.add(current);
        if (fired) {
            current.interrupt();
        }
    }

    /** The current thread is done for this run: no interrupt of this alarm may reach it after this. */
    synchronized void leave() {
        threads.remove(Thread.currentThread());
        if (fired) {
            Thread.interrupted();
        }
    }

    LuaTimeout timeout() {
        return new LuaTimeout(what + " exceeded its budget of " + limit.toMillis() + " ms");
    }
}
