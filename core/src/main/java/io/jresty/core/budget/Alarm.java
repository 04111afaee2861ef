package io.jresty.core.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One budgeted run, shared with the watchdog: when it fires it interrupts every thread running
 * Lua for that run, the runner and any thread it handed Lua work to (a coroutine body, say,
 * see {@link Budget#share}). Opaque outside this package.
 */
public final class Alarm {
    private final String what;
    private final Duration limit;
    /** Threads working for this run; guarded by this. */
    private final List<Thread> threads = new ArrayList<>();
    private boolean fired;

    Alarm(String what, Duration limit) {
        this.what = what;
        this.limit = limit;
    }

    synchronized void fire() {
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
