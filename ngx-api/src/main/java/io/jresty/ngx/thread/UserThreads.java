package io.jresty.ngx.thread;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.control.NgxExit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.luaj.vm2.Varargs;

/**
 * The light threads one entry thread (a handler or a timer callback) spawned, directly or not.
 * Its lock guards the threads' states; waits on it happen with the worker lock released.
 */
final class UserThreads {
    /** Weak keys: a context nobody finished (a handler that never reached its end) is no leak. */
    private static final Map<NgxContext, UserThreads> BY_ENTRY = Collections.synchronizedMap(new WeakHashMap<>());

    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<LightThread> threads = new ArrayList<>();
    private long finishes;
    private NgxExit exit;
    /** The entry thread: the first spawn of an entry always comes from it. */
    private final Thread entry;

    private UserThreads(Thread entry) {
        this.entry = entry;
    }

    static UserThreads of(NgxContext ctx) {
        return BY_ENTRY.computeIfAbsent(ctx, c -> new UserThreads(Thread.currentThread()));
    }

    /** The group of ctx, made with entry as its entry thread when there is none yet (a call from outside ctx). */
    static UserThreads of(NgxContext ctx, Thread entry) {
        return BY_ENTRY.computeIfAbsent(ctx, c -> new UserThreads(entry));
    }

    Thread entry() {
        return entry;
    }

    static UserThreads existing(NgxContext ctx) {
        return BY_ENTRY.get(ctx);
    }

    static UserThreads remove(NgxContext ctx) {
        return BY_ENTRY.remove(ctx);
    }

    void add(LightThread t) {
        lock.lock();
        try {
            threads.add(t);
        } finally {
            lock.unlock();
        }
    }

    /** t's function returned (or raised): it waits to be waited for, unless killed meanwhile. */
    void finished(LightThread t, Varargs results) {
        lock.lock();
        try {
            if (t.state == LightThread.State.RUNNING) {
                t.state = LightThread.State.ZOMBIE;
                t.results = results;
                t.finishOrder = ++finishes;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** ngx.exit (or exec) in a light thread ends the whole entry: every other thread is killed. */
    void exited(LightThread t, NgxExit e) {
        lock.lock();
        try {
            if (exit == null) {
                exit = e;
            }
            t.state = LightThread.State.DEAD;
            for (LightThread other : threads) {
                if (other != t && other.state == LightThread.State.RUNNING) {
                    other.state = LightThread.State.DEAD;
                    other.kill();
                }
            }
            // the entry thread is waiting (this thread holds the worker lock): wake it to exit
            entry.interrupt();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the entry from outside (the client went away and no ngx.on_abort callback took
     * over): as if a light thread had called ngx.exit(status).
     */
    void stop(NgxExit e) {
        lock.lock();
        try {
            if (exit == null) {
                exit = e;
            }
            for (LightThread t : threads) {
                if (t.state == LightThread.State.RUNNING) {
                    t.state = LightThread.State.DEAD;
                    t.kill();
                }
            }
            entry.interrupt();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The exit a light thread asked for, or null. */
    NgxExit exit() {
        lock.lock();
        try {
            return exit;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until one of ts has finished and returns the earliest finisher; null after an exit. */
    LightThread awaitAny(List<LightThread> ts) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (exit != null) {
                    return null;
                }
                LightThread first = null;
                for (LightThread t : ts) {
                    if (t.state == LightThread.State.ZOMBIE && (first == null || t.finishOrder < first.finishOrder)) {
                        first = t;
                    }
                }
                if (first != null) {
                    return first;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until no thread runs any more, or one asked for an exit. */
    void awaitAll() throws InterruptedException {
        lock.lock();
        try {
            while (exit == null && threads.stream().anyMatch(t -> t.state == LightThread.State.RUNNING)) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends every thread still running (the entry thread ended abnormally or asked for an exit). */
    void killAll() {
        lock.lock();
        try {
            for (LightThread t : threads) {
                if (t.state == LightThread.State.RUNNING) {
                    t.state = LightThread.State.DEAD;
                    t.kill();
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
