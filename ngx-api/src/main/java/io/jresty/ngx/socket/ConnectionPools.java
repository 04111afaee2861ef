package io.jresty.ngx.socket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keepalive pools of every worker, a server-wide service: each worker has its own
 * pools, keyed as lua-nginx-module keys them ("host:port", "unix:/path" or the pool
 * option), as each nginx worker has its own. A sweeper closes idle connections whose
 * time is up; closing the service closes every pooled connection.
 */
final class ConnectionPools implements AutoCloseable {
    private final Map<PoolKey, SocketPool> pools = new ConcurrentHashMap<>();
    private final Thread sweeper;
    private volatile boolean closed;

    private record PoolKey(int worker, String name) {}

    ConnectionPools() {
        sweeper = Thread.ofVirtual().name("jresty-socket-pool-sweeper").start(this::sweepForever);
    }

    /** The worker's pool under name, or null when none was made yet. */
    SocketPool find(int worker, String name) {
        return pools.get(new PoolKey(worker, name));
    }

    /** The worker's pool under name, made with size and backlog (-1: none) if new. */
    SocketPool get(int worker, String name, int size, int backlog) {
        return pools.computeIfAbsent(new PoolKey(worker, name), k -> new SocketPool(size, backlog));
    }

    private void sweepForever() {
        while (!closed) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            pools.values().forEach(SocketPool::sweep);
        }
    }

    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
        pools.values().forEach(SocketPool::closeAll);
    }
}
