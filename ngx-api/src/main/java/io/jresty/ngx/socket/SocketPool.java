package io.jresty.ngx.socket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One keepalive pool of a worker, as lua-nginx-module keeps one per key: idle connections,
 * most recently pooled first, at most {@code size} of them (the least recently pooled is
 * closed to make room). With a backlog, it also caps the connections open under its key
 * and queues connect calls beyond that. Thread-safe: waits happen outside the worker lock.
 */
final class SocketPool {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final int size;
    /** -1 when the pool does not limit connections. */
    private final int backlog;
    private int connections;
    private int waiting;

    private record Idle(TcpConnection connection, long expiresAt) {
        boolean expired(long now) {
            return expiresAt != 0 && now - expiresAt >= 0;
        }
    }

    /** What connect gets from the pool: an idle connection, leave to connect, or an error. */
    record Admission(TcpConnection reused, boolean counted, String error) {}

    SocketPool(int size, int backlog) {
        this.size = size;
        this.backlog = backlog;
    }

    /** Waits up to timeoutMs in the backlog when the pool is full; blocking. */
    Admission admit(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        lock.lock();
        try {
            boolean queued = false;
            try {
                while (true) {
                    TcpConnection reused = takeIdle();
                    if (reused != null) {
                        return new Admission(reused, false, null);
                    }
                    if (backlog < 0) {
                        return new Admission(null, false, null);
                    }
                    if (connections < size) {
                        connections++;
                        return new Admission(null, true, null);
                    }
                    if (!queued) {
                        if (waiting >= backlog) {
                            return new Admission(null, false, "too many waiting connect operations");
                        }
                        waiting++;
                        queued = true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return new Admission(null, false, "timeout");
                    }
                    freed.awaitNanos(left);
                }
            } finally {
                if (queued) {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The most recently pooled live connection, or null; dead and expired ones are closed. */
    TcpConnection takeIdle() {
        lock.lock();
        try {
            long now = System.nanoTime();
            Idle entry;
            while ((entry = idle.pollFirst()) != null) {
                if (!entry.expired(now) && entry.connection().stillIdle()) {
                    entry.connection().reused();
                    return entry.connection();
                }
                entry.connection().close();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Keeps c idle for timeoutMs (0: no limit), closing the least recently pooled when full. */
    void put(TcpConnection c, long timeoutMs) {
        lock.lock();
        try {
            sweep();
            while (idle.size() >= size) {
                idle.pollLast().connection().close();
            }
            long expires = timeoutMs == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            idle.addFirst(new Idle(c, expires));
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A counted connection was closed: a queued connect may go on. */
    void released() {
        lock.lock();
        try {
            connections--;
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes idle connections whose time is up or whose peer went away. */
    void sweep() {
        lock.lock();
        try {
            long now = System.nanoTime();
            idle.removeIf(entry -> {
                boolean gone = entry.expired(now) || !entry.connection().stillIdle();
                if (gone) {
                    entry.connection().close();
                }
                return gone;
            });
        } finally {
            lock.unlock();
        }
    }

    int idleCount() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    void closeAll() {
        lock.lock();
        try {
            idle.forEach(entry -> entry.connection().close());
            idle.clear();
        } finally {
            lock.unlock();
        }
    }
}
