package io.jresty.server.proxy;

import java.net.InetSocketAddress;

/**
 * One peer of an upstream with what jresty learned about it: passive failures (max_fails within
 * fail_timeout), the active health check's verdict, counters for the status page. Guarded by
 * the lock of its {@link UpstreamGroup}.
 */
final class PeerState {
    final UpstreamServer server;
    final InetSocketAddress address;
    int currentWeight;
    int fails;
    long failedAt;
    int active;
    boolean healthy = true;
    int okStreak;
    int failStreak;
    long requests;
    long failures;
    String lastCheckError;

    PeerState(UpstreamServer server) {
        this.server = server;
        this.address = new InetSocketAddress(server.host(), server.port());
    }

    /** Whether passive failures keep the peer out now (nginx: max_fails reached within fail_timeout). */
    boolean failedOut(long now) {
        return server.maxFails() > 0 && fails >= server.maxFails() && now - failedAt <= server.failTimeout();
    }

    /** The address as nginx prints it in $upstream_addr. */
    String name() {
        return address.isUnresolved() ? server.address()
                : address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
