package io.jresty.core.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One budgeted run, shared with the watchdog: when it fires it interrupts every thread running
 * Lua for that run, the runner and any thread it handed Lua work to (a coroutine body, say,
 * see {@link Budget#share}). Its clock can be paused while the run waits (see
 * {@link Budget#outside}). It also meters what the run allocates in Lua terms (see
 * {@link LuaAllocation}) against its allocation limit. Opaque outside this package.
 */
public final class Alarm {
    private final String what;
    private final Duration limit;
    /** Bytes the run may allocate (0: no limit). */
    private final long allocLimit;
    /**
     * What the run allocated. Not atomic: a locked add on every table and string would cost more
     * than the meter is worth, and the threads of one run take turns (the worker lock, a
     * coroutine's hand-over), which also publishes the count from one to the next.
     */
    private long allocated;
    /** Threads working for this run, and the clock; all guarded by this. */
    private final List<Thread> threads = new ArrayList<>();
    private boolean fired;
    private long remainingNanos;
    private long deadline;
    private int pauses;
    private int generation;
    private ScheduledFuture<?> timer;

    Alarm(String what, Duration limit, long allocLimit) {
        this.what = what;
        this.limit = limit;
        this.allocLimit = allocLimit;
        this.remainingNanos = Math.max(1, limit.toNanos());
    }

    /** Whether the run has a time limit; a run with only an allocation limit has no clock. */
    private boolean timed() {
        return !limit.isZero();
    }

    synchronized void start() {
        if (!timed()) {
            return;
        }
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
        if (pauses++ == 0 && !fired && timed()) {
            remainingNanos = deadline - System.nanoTime();
            stop();
            if (remainingNanos <= 0) {
                fireNow();
            }
        }
    }

    synchronized void resume() {
        if (--pauses == 0 && !fired && timed()) {
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

    /** Adds to the run's allocation; past the limit the run ends here, at the allocation that crossed it. */
    void charge(long bytes) {
        if (allocLimit > 0 && (allocated += bytes) > allocLimit) {
            throw overAllocated();
        }
    }

    LuaMemoryLimit overAllocated() {
        return new LuaMemoryLimit(what + " exceeded its allocation limit of " + megabytes(allocLimit));
    }

    LuaMemoryLimit outOfMemory() {
        return new LuaMemoryLimit(what + " ran out of memory: not enough memory");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    LuaTimeout timeout() {
        return new LuaTimeout(what + " exceeded its budget of " + limit.toMillis() + " ms");
    }
}
