package io.jresty.server.undertow;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.xnio.IoUtils;

/**
 * The streamed part of one response on its way to the client. As in nginx, handing output
 * over (ngx.print, ngx.flush(false)) does not wait for a slow client: the chunks queue here
 * and one virtual thread per response writes them in order. ngx.flush(true) and the end of
 * the response wait until everything queued is written. Past {@link #LIMIT} queued bytes a
 * push waits too, where nginx would keep buffering without bound.
 */
final class PendingOutput {
    /** Queued bytes past which even an asynchronous push waits for the client. */
    static final long LIMIT = 32L * 1024 * 1024;

    private final HttpServerExchange exchange;
    private final boolean head;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by lock, as are the fields after it. */
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long queued;
    private long pushed;
    private long written;
    private boolean ending;
    private boolean done;
    private IOException failure;

    PendingOutput(HttpServerExchange exchange, boolean head) {
        this.exchange = exchange;
        this.head = head;
        Thread.ofVirtual().name("jresty-output").start(this::drain);
    }

    /**
     * Queues chunk; with wait, returns once it (and all before it) reached the socket. Null, or
     * once the connection failed, lua-nginx-module's words for it.
     */
    String push(byte[] chunk, boolean wait) {
        lock.lock();
        try {
            long mine = enqueue(chunk);
            awaitUninterruptibly(() -> failure != null || (wait ? written >= mine : queued <= LIMIT));
            if (failure == null) {
                return null;
            }
            // nginx's words for a write that failed (EPIPE, a reset) or ran past send_timeout
            return failure instanceof org.xnio.channels.WriteTimeoutException ? "timeout" : "nginx output filter error";
        } finally {
            lock.unlock();
        }
    }

    /** Queues the last bytes and waits until the response is complete (or failed). */
    void end(byte[] rest) {
        lock.lock();
        try {
            enqueue(rest);
            ending = true;
            changed.signalAll();
            awaitUninterruptibly(() -> done);
        } finally {
            lock.unlock();
        }
    }

    /** The response will not be completed (the connection closes): the writer stops. */
    void abandon() {
        lock.lock();
        try {
            queue.clear();
            queued = 0;
            ending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long enqueue(byte[] chunk) {
        if (failure == null && !ending) {
            queue.add(chunk);
            queued += chunk.length;
            pushed++;
            changed.signalAll();
        }
        return pushed;
    }

    private void awaitUninterruptibly(java.util.function.BooleanSupplier until) {
        while (!until.getAsBoolean()) {
            changed.awaitUninterruptibly();
        }
    }

    /** The writer thread: chunks in order, then the end of the body. */
    private void drain() {
        OutputStream out = exchange.getOutputStream();
        try {
            while (true) {
                byte[] chunk;
                lock.lock();
                try {
                    awaitUninterruptibly(() -> !queue.isEmpty() || ending);
                    chunk = queue.poll();
                    if (chunk == null) {
                        break;
                    }
                } finally {
                    lock.unlock();
                }
                if (!head && chunk.length > 0) {
                    out.write(chunk);
                    out.flush();
                }
                lock.lock();
                try {
                    queued -= chunk.length;
                    written++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            out.close();
        } catch (IOException e) {
            lock.lock();
            try {
                failure = e;
                queue.clear();
                queued = 0;
            } finally {
                lock.unlock();
            }
            IoUtils.safeClose(exchange.getConnection());
        } finally {
            lock.lock();
            try {
                done = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
