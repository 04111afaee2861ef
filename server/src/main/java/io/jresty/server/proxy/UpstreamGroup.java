package io.jresty.server.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The run-time side of one upstream: its current peers (replaceable without a reload), peer
 * selection (weighted round robin as nginx's smooth algorithm, least_conn, hash), passive
 * failure accounting and the keepalive pool. Peers and their counters are guarded by this
 * object's lock; a request holds it only to pick or to report, never during I/O.
 */
final class UpstreamGroup {
    final String name;
    final UpstreamBlock block;
    final KeepalivePool pool;
    private final LongSupplier clock;
    private final PeerPicker picker;
    private List<PeerState> peers;
    private HealthCheck health;

    UpstreamGroup(UpstreamBlock block, LongSupplier clock) {
        this.name = block.name();
        this.block = block;
        this.clock = clock;
        this.pool = new KeepalivePool(block.keepalive(), block.keepaliveTimeout(), block.keepaliveRequests());
        this.picker = new PeerPicker(block);
        this.peers = block.servers().stream().map(PeerState::new).toList();
    }

    long now() {
        return clock.getAsLong();
    }

    /** How many peers one request may try: all primary ones, plus the backups (as nginx counts). */
    synchronized int tries() {
        return (int) Math.max(1, peers.stream().filter(p -> !p.server.down()).count());
    }

    /** The next peer for a request that already tried some, or null when none is live ("no live upstreams"). */
    synchronized PeerState pick(Set<PeerState> tried, String hashKey, PeerPicker.HashWalk walk) {
        long now = now();
        boolean single = peers.size() == 1;
        List<PeerState> primary = new ArrayList<>();
        List<PeerState> backup = new ArrayList<>();
        for (PeerState p : peers) {
            if (tried.contains(p) || p.server.down() || !p.healthy || (!single && p.failedOut(now))
                    || p.server.full(p.active)) {
                continue;
            }
            (p.server.backup() ? backup : primary).add(p);
        }
        PeerState chosen = picker.choose(primary.isEmpty() ? backup : primary, peers, hashKey, walk);
        if (chosen == null && tried.isEmpty()) {
            // nginx forgets the failures once every peer failed, so the next request tries them again
            peers.forEach(p -> p.fails = 0);
        }
        if (chosen != null) {
            chosen.active++;
            chosen.requests++;
        }
        return chosen;
    }

    /** A peer that errored or timed out (or sent a status proxy_next_upstream retries). */
    synchronized void failed(PeerState p) {
        p.active--;
        p.fails++;
        p.failures++;
        p.failedAt = now();
    }

    synchronized void succeeded(PeerState p) {
        p.active--;
        if (!p.failedOut(now())) {
            p.fails = 0;
        }
    }

    /** Replaces the peers; a peer that stays (same address and role) keeps its state. */
    synchronized void servers(List<UpstreamServer> servers) {
        Map<String, PeerState> old = new HashMap<>();
        peers.forEach(p -> old.put(p.server.address() + (p.server.backup() ? "b" : ""), p));
        List<PeerState> next = new ArrayList<>();
        for (UpstreamServer s : servers) {
            PeerState kept = old.get(s.address() + (s.backup() ? "b" : ""));
            next.add(kept != null && kept.server.equals(s) ? kept : carry(kept, new PeerState(s)));
        }
        peers = List.copyOf(next);
    }

    private static PeerState carry(PeerState from, PeerState to) {
        if (from != null) {
            to.healthy = from.healthy;
            to.requests = from.requests;
            to.failures = from.failures;
        }
        return to;
    }

    synchronized List<PeerState> peers() {
        return peers;
    }

    synchronized HealthCheck health() {
        return health;
    }

    synchronized void health(HealthCheck check) {
        if (health != null) {
            health.close();
        }
        health = check;
    }

    /** An active check's verdict on one peer; true when the peer changed state. */
    synchronized boolean checked(PeerState p, boolean ok, String error, int rise, int fall) {
        p.lastCheckError = error;
        if (ok) {
            p.okStreak++;
            p.failStreak = 0;
            if (!p.healthy && p.okStreak >= rise) {
                p.healthy = true;
                p.fails = 0;
                return true;
            }
        } else {
            p.failStreak++;
            p.okStreak = 0;
            if (p.healthy && p.failStreak >= fall) {
                p.healthy = false;
                return true;
            }
        }
        return false;
    }

    void close() {
        HealthCheck h = health();
        if (h != null) {
            h.close();
        }
        pool.close();
    }
}
