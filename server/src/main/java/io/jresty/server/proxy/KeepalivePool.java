package io.jresty.server.proxy;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle connections of one upstream block, at most {@code keepalive N} of them (nginx keeps N
 * per worker process; jresty's workers share one pool, so N is per server). The least
 * recently used one is closed when the pool is full. A TLS connection is kept under its TLS name and
 * settings too, so a request never gets a session made for another name. Guarded by this object's lock.
 */
final class KeepalivePool {
    private final int max;
    private final long idleTimeout;
    private final int requests;
    private final Map<Key, Deque<UpstreamConnection>> idle = new HashMap<>();
    private final Deque<Key> order = new ArrayDeque<>();

    /** What a kept connection is good for: the peer address, and the TLS name and settings (null = plain). */
    record Key(InetSocketAddress address, UpstreamTls tls) {}

    KeepalivePool(int max, long idleTimeout, int requests) {
        this.max = max;
        this.idleTimeout = idleTimeout;
        this.requests = requests;
    }

    /** An idle connection to the address, or null. */
    synchronized UpstreamConnection take(Key address, long now) {
        Deque<UpstreamConnection> q = idle.get(address);
        while (q != null && !q.isEmpty()) {
            UpstreamConnection c = q.pollLast();
            order.removeLastOccurrence(address);
            if (now - c.idleSince() < idleTimeout && c.looksAlive()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    synchronized void put(Key address, UpstreamConnection c, long now) {
        c.idle(now);
        // keepalive_requests: a connection that carried that many requests is closed, as nginx does
        if (max <= 0 || c.served() >= requests) {
            c.close();
            return;
        }
        idle.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(c);
        order.addLast(address);
        while (order.size() > max) {
            Key oldest = order.pollFirst();
            Deque<UpstreamConnection> q = idle.get(oldest);
            if (q != null && !q.isEmpty()) {
                q.pollFirst().close();
            }
        }
    }

    synchronized int idleCount() {
        return order.size();
    }

    synchronized void close() {
        idle.values().forEach(q -> q.forEach(UpstreamConnection::close));
        idle.clear();
        order.clear();
    }
}
