package io.jresty.core.worker;

import io.jresty.core.budget.Budget;
import io.jresty.core.lua.StringMetatable;
import java.util.concurrent.Callable;
import org.luaj.vm2.Globals;

/**
 * One Lua worker, as one nginx worker process: its own Lua state, and a lock so that Lua
 * never runs twice at once inside it. Calls that would yield in OpenResty release the lock
 * while they wait ({@link #releaseWhile}).
 */
public final class LuaWorker {
    private final int id;
    private final Globals globals;
    private final WorkerLock lock = new WorkerLock();
    /** The worker of each Lua state, for coroutines, which know only their Globals. */
    private static final java.util.Map<Globals, LuaWorker> BY_GLOBALS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** Per thread: what to run the next time it waits (a light thread's parent resumes then). */
    private static final ThreadLocal<Runnable> BEFORE_NEXT_WAIT = new ThreadLocal<>();

    public LuaWorker(int id, Globals globals) {
        this.id = id;
        this.globals = globals;
        BY_GLOBALS.put(globals, this);
    }

    /** The worker that owns this Lua state, or null for a state outside any worker. */
    public static LuaWorker of(Globals globals) {
        return BY_GLOBALS.get(globals);
    }

    public int id() {
        return id;
    }

    public Globals globals() {
        return globals;
    }

    /** Runs Lua work holding this worker's lock. */
    public <T> T call(Callable<T> work) throws Exception {
        lock.lock();
        Globals previous = StringMetatable.enter(globals);
        try {
            return work.call();
        } finally {
            StringMetatable.leave(previous);
            lock.unlock();
        }
    }

    /** Runs Lua work holding this worker's lock; the work may not throw checked exceptions. */
    public void run(Runnable work) {
        lock.lock();
        Globals previous = StringMetatable.enter(globals);
        try {
            work.run();
        } finally {
            StringMetatable.leave(previous);
            lock.unlock();
        }
    }

    /** Lets other requests of this worker run while the caller waits (I/O, sleep, ...). */
    public <T> T releaseWhile(Callable<T> wait) throws Exception {
        if (!lock.isHeldExclusively()) {
            runWaitHook();
            return Budget.outside(wait);
        }
        int holds = lock.holds();
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        try {
            runWaitHook();
            // waiting is not running: a Lua time budget pauses meanwhile
            return Budget.outside(wait);
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
        }
    }

    /**
     * Sets what this thread runs once, the next time it waits in {@link #releaseWhile} (after it
     * let go of the lock); null clears it. ngx.thread.spawn uses it: the parent goes on when its
     * new light thread first waits. Returns the hook it replaces.
     */
    public static Runnable beforeNextWait(Runnable hook) {
        Runnable previous = BEFORE_NEXT_WAIT.get();
        if (hook == null) {
            BEFORE_NEXT_WAIT.remove();
        } else {
            BEFORE_NEXT_WAIT.set(hook);
        }
        return previous;
    }

    private static void runWaitHook() {
        Runnable hook = BEFORE_NEXT_WAIT.get();
        if (hook != null) {
            BEFORE_NEXT_WAIT.remove();
            hook.run();
        }
    }

    public boolean heldByCurrentThread() {
        return lock.holds() > 0;
    }

    /**
     * Hands this worker's lock, held by the caller, to next (a coroutine's thread taking the turn,
     * or its resumer getting it back). The caller then waits and runs no Lua until it is handed back.
     */
    public void handLockTo(Thread next) {
        lock.handTo(next);
    }
}
