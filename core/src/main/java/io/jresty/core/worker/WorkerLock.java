package io.jresty.core.worker;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A reentrant lock, like ReentrantLock, whose owner can hand it with all its holds to another
 * thread: a coroutine runs on its own virtual thread but continues its resumer's turn, so the
 * lock follows the turn and no other request of the worker runs in between.
 */
final class WorkerLock extends AbstractQueuedSynchronizer {
    void lock() {
        acquire(1);
    }

    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int n) {
        Thread me = Thread.currentThread();
        int c = getState();
        if (c == 0) {
            if (compareAndSetState(0, n)) {
                setExclusiveOwnerThread(me);
                return true;
            }
            return false;
        }
        if (getExclusiveOwnerThread() == me) {
            setState(c + n);
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int n) {
        if (getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new IllegalMonitorStateException();
        }
        int c = getState() - n;
        if (c == 0) {
            setExclusiveOwnerThread(null);
        }
        setState(c);
        return c == 0;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    int holds() {
        return isHeldExclusively() ? getState() : 0;
    }

    /**
     * Makes next the owner, with the caller's holds. The caller must then let next run through
     * a handoff that orders memory (a volatile write it reads), and touch the lock no more.
     */
    void handTo(Thread next) {
        if (!isHeldExclusively()) {
            throw new IllegalMonitorStateException();
        }
        setExclusiveOwnerThread(next);
        // the state write is volatile: it publishes the new owner with it
        setState(getState());
    }
}
