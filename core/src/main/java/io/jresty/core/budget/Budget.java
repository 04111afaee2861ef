package io.jresty.core.budget;

import io.jresty.core.coroutine.ThreadCarriers;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Runs with an allocation limit going on now, anywhere: while none is, charging reads no thread-local. */
    private static final AtomicInteger METERED_RUNS = new AtomicInteger();

    static {
        // a coroutine's body runs on its own thread in its resumer's place: under the same budgets
        ThreadCarriers.register(new ScopeCarrier());
    }

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
        return run(limit, 0, what, work);
    }

    /**
     * Runs work with a time limit and an allocation limit (either may be zero: none). Past
     * {@code allocLimit} bytes allocated in Lua terms (tables and strings, see
     * {@link LuaAllocation}) the work ends with a {@link LuaMemoryLimit} naming {@code what}, at
     * the allocation that crossed it; an OutOfMemoryError of the heap inside the work ends it the
     * same way, so the thread can go on serving.
     */
    public static <T> T run(Duration limit, long allocLimit, String what, Callable<T> work) throws Exception {
        Alarm alarm = new Alarm(what, limit, allocLimit);
        alarm.start();
        if (allocLimit > 0) {
            METERED_RUNS.incrementAndGet();
        }
        try {
            return share(alarm, work);
        } finally {
            alarm.stop();
            if (allocLimit > 0) {
                METERED_RUNS.decrementAndGet();
            }
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
        } catch (OutOfMemoryError e) {
            if (!HeapExhaustion.recoverable(e)) {
                throw e;
            }
            throw alarm.outOfMemory();
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
     * Charges an allocation to every budget the current thread runs under: past a budget's
     * allocation limit the code ends here with a {@link LuaMemoryLimit}. Called where Lua values
     * are made (see {@link LuaAllocation}), so it must stay cheap: one volatile read while no
     * run has a limit, one thread-local read while some run has.
     */
    static void charge(long bytes) {
        if (METERED_RUNS.get() == 0) {
            return;
        }
        for (Scope s = CURRENT.get(); s != null; s = s.outer) {
            s.alarm.charge(bytes);
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

    private static final class ScopeCarrier implements ThreadCarriers.Carrier<Scope> {
        @Override
        public Scope capture() {
            return CURRENT.get();
        }

        @Override
        public void install(Scope scope) {
            if (scope == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(scope);
            }
        }
    }
}
