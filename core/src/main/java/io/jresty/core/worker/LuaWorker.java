package io.jresty.core.worker;

import io.jresty.core.budget.Budget;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.luaj.vm2.Globals;

/**
 * One Lua worker, as one nginx worker process: its own Lua state, and a lock so that Lua
 * never runs twice at once inside it. Calls that would yield in OpenResty release the lock
 * while they wait ({@link #releaseWhile}).
 */
public final class LuaWorker {
    private final int id;
    private final Globals globals;
    private final ReentrantLock lock = new ReentrantLock();
    /** Per thread: what to run the next time it waits (a light thread's parent resumes then). */
    private static final ThreadLocal<Runnable> BEFORE_NEXT_WAIT = new ThreadLocal<>();

    public LuaWorker(int id, Globals globals) {
        this.id = id;
        this.globals = globals;
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
        try {
            return work.call();
        } finally {
            lock.unlock();
        }
    }

    /** Runs Lua work holding this worker's lock; the work may not throw checked exceptions. */
    public void run(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Lets other requests of this worker run while the caller waits (I/O, sleep, ...). */
    public <T> T releaseWhile(Callable<T> wait) throws Exception {
        if (!lock.isHeldByCurrentThread()) {
            runWaitHook();
            return Budget.outside(wait);
        }
        int holds = lock.getHoldCount();
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
        return lock.isHeldByCurrentThread();
    }
}
