package io.jresty.ngx.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keepalive pools: most recent first, bounded, idle time limited, dead peers dropped. */
class SocketPoolTest {
    @Test
    void theMostRecentlyPooledConnectionComesBackAndCountsItsReuse() throws Exception {
        try (LoopbackPair a = new LoopbackPair("k"); LoopbackPair b = new LoopbackPair("k")) {
            SocketPool pool = new SocketPool(5, -1);
            pool.put(a.connection, 0);
            pool.put(b.connection, 0);
            TcpConnection got = pool.takeIdle();
            assertThat(got).isSameAs(b.connection);
            assertThat(got.reusedTimes()).isEqualTo(1);
            assertThat(pool.idleCount()).isEqualTo(1);
        }
    }

    @Test
    void aFullPoolClosesTheLeastRecentlyPooled() throws Exception {
        try (LoopbackPair a = new LoopbackPair("k"); LoopbackPair b = new LoopbackPair("k")) {
            SocketPool pool = new SocketPool(1, -1);
            pool.put(a.connection, 0);
            pool.put(b.connection, 0);
            assertThat(pool.idleCount()).isEqualTo(1);
            assertThat(a.peer.getInputStream().read()).isEqualTo(-1);
            assertThat(pool.takeIdle()).isSameAs(b.connection);
        }
    }

    @Test
    void expiredOrPeerClosedConnectionsAreNotHandedOut() throws Exception {
        try (LoopbackPair a = new LoopbackPair("k"); LoopbackPair b = new LoopbackPair("k")) {
            SocketPool pool = new SocketPool(5, -1);
            pool.put(a.connection, 1);
            Thread.sleep(20);
            assertThat(pool.takeIdle()).isNull();
            pool.put(b.connection, 0);
            b.peer.close();
            Thread.sleep(20);
            assertThat(pool.takeIdle()).isNull();
            assertThat(pool.idleCount()).isZero();
        }
    }

    @Test
    void aBacklogPoolCountsConnectionsAndReleasesThemOnClose() throws Exception {
        SocketPool pool = new SocketPool(1, 0);
        SocketPool.Admission first = pool.admit(100);
        assertThat(first.counted()).isTrue();
        assertThat(pool.admit(100).error()).isEqualTo("too many waiting connect operations");
        pool.released();
        assertThat(pool.admit(100).counted()).isTrue();
    }
}
