package io.jresty.server.proxy;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle connections of one upstream block, at most {@code keepalive N} of them (nginx keeps N
 * per worker process; jresty's workers share one pool, so N is per server). The least
 * recently used one is closed when the pool is full. Guarded by this object's lock.
 */
final class KeepalivePool {
    private static final long IDLE_TIMEOUT = 60_000;

    private final int max;
    private final Map<InetSocketAddress, Deque<UpstreamConnection>> idle = new HashMap<>();
    private final Deque<InetSocketAddress> order = new ArrayDeque<>();

    KeepalivePool(int max) {
        this.max = max;
    }

    /** An idle connection to the address, or null. */
    synchronized UpstreamConnection take(InetSocketAddress address, long now) {
        Deque<UpstreamConnection> q = idle.get(address);
        while (q != null && !q.isEmpty()) {
            UpstreamConnection c = q.pollLast();
            order.removeLastOccurrence(address);
            if (now - c.idleSince() < IDLE_TIMEOUT && c.looksAlive()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    synchronized void put(InetSocketAddress address, UpstreamConnection c, long now) {
        if (max <= 0) {
            c.close();
            return;
        }
        c.idle(now);
        idle.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(c);
        order.addLast(address);
        while (order.size() > max) {
            InetSocketAddress oldest = order.pollFirst();
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
