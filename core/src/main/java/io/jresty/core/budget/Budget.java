package io.jresty.core.budget;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A wall-time bound on Lua code running on the current thread.
 *
 * <p>{@link #tick()} is what compiled Lua calls at every loop back-edge and function entry
 * (and the interpreter before every instruction). It only reads the thread's interrupt flag,
 * which costs nothing measurable; {@link #run} arms the watchdog that sets that flag.
 */
public final class Budget {
    /** The budgets the current thread runs under, innermost first. */
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Budget() {}

    /** Ends the running Lua code if its thread was interrupted (its budget ran out). */
    public static void tick() {
        if (Thread.currentThread().isInterrupted()) {
            throw new LuaTimeout("lua code interrupted");
        }
    }

    /**
     * Runs work with a time limit: past {@code limit} the work ends with a {@link LuaTimeout}
     * naming {@code what}, at its next tick. The interrupt that ends it is cleared before this
     * returns, so the thread can go on serving.
     */
    public static <T> T run(Duration limit, String what, Callable<T> work) throws Exception {
        Alarm alarm = new Alarm(what, limit);
        alarm.start();
        try {
            return share(alarm, work);
        } finally {
            alarm.stop();
        }
    }

    /** The budget Lua on this thread runs under, or null: hand it to threads that run Lua for it. */
    public static Alarm current() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.alarm;
    }

    /**
     * Runs work on this thread under a budget armed elsewhere, e.g. a coroutine body on its own
     * thread under the budget of the request that resumed it: when that budget runs out this
     * work ends with a {@link LuaTimeout} too. With a null alarm the work just runs.
     */
    public static <T> T share(Alarm alarm, Callable<T> work) throws Exception {
        if (alarm == null) {
            return work.call();
        }
        Scope outer = CURRENT.get();
        CURRENT.set(new Scope(alarm, outer));
        alarm.join();
        try {
            return work.call();
        } catch (LuaTimeout | InterruptedException e) {
            // an interrupted blocking call inside the work is the same alarm seen from Java
            if (alarm.fired()) {
                throw alarm.timeout();
            }
            throw e;
        } finally {
            alarm.leave();
            CURRENT.set(outer);
            if (outer != null && outer.alarm.fired()) {
                // leave() cleared the interrupt; the enclosing budget ran out too, keep it ending
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs a wait (I/O, a sleep, a lock) whose time does not count against the budgets of this
     * thread: their clocks stop meanwhile. A budget that ran out before still ends the wait.
     */
    public static <T> T outside(Callable<T> wait) throws Exception {
        Scope scope = CURRENT.get();
        for (Scope s = scope; s != null; s = s.outer) {
            s.alarm.pause();
        }
        try {
            return wait.call();
        } finally {
            for (Scope s = scope; s != null; s = s.outer) {
                s.alarm.resume();
            }
        }
    }

    private record Scope(Alarm alarm, Scope outer) {}
}
