package io.jresty.core.budget;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;

/**
 * A wall-time bound on Lua code running on the current thread.
 *
 * <p>{@link #tick()} is what compiled Lua calls at every loop back-edge and function entry
 * (and the interpreter before every instruction). It only reads the thread's interrupt flag,
 * which costs nothing measurable; {@link #run} arms the watchdog that sets that flag.
 */
public final class Budget {
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
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> timer = Watchdog.at(Math.max(1, limit.toNanos()), alarm::fire);
        try {
            return work.call();
        } catch (LuaTimeout | InterruptedException e) {
            // an interrupted blocking call inside the work is the same alarm seen from Java
            if (alarm.fired()) {
                throw new LuaTimeout(what + " exceeded its budget of " + limit.toMillis() + " ms");
            }
            throw e;
        } finally {
            timer.cancel(false);
            alarm.disarm();
        }
    }

    /** The state one run shares with the watchdog; the lock makes "fire" and "disarm" exclusive. */
    private static final class Alarm {
        private final Thread runner;
        private boolean armed = true;
        private boolean fired;

        Alarm(Thread runner) {
            this.runner = runner;
        }

        synchronized void fire() {
            if (armed) {
                fired = true;
                runner.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** Called by the runner when it is done: no interrupt may arrive after this. */
        synchronized void disarm() {
            armed = false;
            if (fired) {
                Thread.interrupted();
            }
        }
    }
}
