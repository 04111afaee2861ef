package io.jresty.ngx.semaphore;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counting semaphore behind one ngx.semaphore object: resources, and the threads waiting for
 * them in arrival order (the longest waiter is served first, as lua-nginx-module does). Its own
 * lock guards it, since waiters time out while they hold no worker lock.
 */
final class Semaphore {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int resources;

    /** One waiting thread; granted once a post gave it a resource. */
    static final class Waiter {
        private boolean granted;
    }

    Semaphore(int resources) {
        this.resources = resources;
    }

    /** Takes a resource if one is free and nobody waits before us. */
    boolean tryTake() {
        lock.lock();
        try {
            if (waiters.isEmpty() && resources > 0) {
                resources--;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    Waiter enqueue() {
        lock.lock();
        try {
            Waiter w = new Waiter();
            waiters.addLast(w);
            return w;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until w is granted a resource (true) or the time is up (false, w leaves the queue). */
    boolean await(Waiter w, long millis) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!w.granted) {
                if (left <= 0) {
                    waiters.remove(w);
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            // a killed waiter gives back what it was given, or just leaves the queue
            if (w.granted) {
                release(1);
            } else {
                waiters.remove(w);
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    void post(int n) {
        lock.lock();
        try {
            release(n);
        } finally {
            lock.unlock();
        }
    }

    private void release(int n) {
        resources += n;
        while (resources > 0 && !waiters.isEmpty()) {
            waiters.pollFirst().granted = true;
            resources--;
        }
        changed.signalAll();
    }

    /** Free resources, minus the number of waiting threads when there are some (count() in Lua). */
    int count() {
        lock.lock();
        try {
            return resources - waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
