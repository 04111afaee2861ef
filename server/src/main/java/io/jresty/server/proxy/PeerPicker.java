package io.jresty.server.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Chooses among the live peers by the upstream's method: nginx's smooth weighted round robin
 * (the default), least_conn (fewest active requests per weight, round robin among equals) or
 * hash, with nginx's own arithmetic so that a key goes to the peer nginx would pick: plain hash
 * is Cache::Memcached's (crc32 of the key, rehashed with a counter past peers that cannot be
 * used, over the weights of all primary peers), {@code consistent} is ketama's ring of 160
 * points per weight unit. Called with the group's lock held.
 */
final class PeerPicker {
    private static final int POINTS = 160;
    /** nginx gives up hashing after this many unusable picks and falls back to round robin. */
    private static final int HASH_TRIES = 20;

    private final UpstreamBlock block;
    private List<PeerState> ringOf;
    private Ring ring;

    PeerPicker(UpstreamBlock block) {
        this.block = block;
    }

    /** Where one request is in the hash walk; a retry goes on from there, as nginx's per-request peer data. */
    static final class HashWalk {
        private long hash;
        private int rehash;
        private int tries;
        private int point = -1;
    }

    /** The consistent-hash ring: point hashes sorted, with the peer address each belongs to. */
    private record Ring(long[] hashes, String[] servers) {}

    PeerState choose(List<PeerState> live, List<PeerState> all, String hashKey, HashWalk walk) {
        if (live.isEmpty()) {
            return null;
        }
        if (block.hash() != null && hashKey != null) {
            List<PeerState> primary = all.stream().filter(p -> !p.server.backup()).toList();
            if (primary.size() < 2 || hashKey.isEmpty() || walk.tries > HASH_TRIES) {
                return roundRobin(live);
            }
            return block.consistent() ? consistent(live, all, primary, hashKey, walk)
                    : hashed(live, primary, hashKey, walk);
        }
        if (block.leastConn()) {
            return roundRobin(fewestActive(live));
        }
        return roundRobin(live);
    }

    private static PeerState roundRobin(List<PeerState> live) {
        PeerState best = null;
        int total = 0;
        for (PeerState p : live) {
            p.currentWeight += p.server.weight();
            total += p.server.weight();
            if (best == null || p.currentWeight > best.currentWeight) {
                best = p;
            }
        }
        best.currentWeight -= total;
        return best;
    }

    private static List<PeerState> fewestActive(List<PeerState> live) {
        List<PeerState> best = new ArrayList<>();
        double min = Double.MAX_VALUE;
        for (PeerState p : live) {
            double load = (double) p.active / p.server.weight();
            if (load < min) {
                min = load;
                best.clear();
            }
            if (load == min) {
                best.add(p);
            }
        }
        return best;
    }

    /** ((crc32([rehash] key) >> 16) & 0x7fff) added to the previous value, modulo the total weight. */
    private static PeerState hashed(List<PeerState> live, List<PeerState> primary, String key, HashWalk walk) {
        int total = primary.stream().mapToInt(p -> p.server.weight()).sum();
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        while (true) {
            CRC32 c = new CRC32();
            if (walk.rehash > 0) {
                c.update(String.valueOf(walk.rehash).getBytes(StandardCharsets.US_ASCII));
            }
            c.update(k);
            walk.hash += (c.getValue() >>> 16) & 0x7fff;
            walk.rehash++;
            long w = walk.hash % total;
            int i = 0;
            while (w >= primary.get(i).server.weight()) {
                w -= primary.get(i).server.weight();
                i++;
            }
            if (live.contains(primary.get(i))) {
                return primary.get(i);
            }
            if (++walk.tries > HASH_TRIES) {
                return roundRobin(live);
            }
        }
    }

    /** The first ring point at or after crc32(key), then the next ones past peers that cannot be used. */
    private PeerState consistent(List<PeerState> live, List<PeerState> all, List<PeerState> primary, String key,
            HashWalk walk) {
        Ring r = ring(all, primary);
        int n = r.hashes().length;
        if (walk.point < 0) {
            walk.point = lowerBound(r.hashes(), crc32(key.getBytes(StandardCharsets.UTF_8)));
        }
        while (true) {
            String server = r.servers()[walk.point % n];
            List<PeerState> same = live.stream().filter(p -> !p.server.backup() && p.server.address().equals(server))
                    .toList();
            if (!same.isEmpty()) {
                return roundRobin(same);
            }
            walk.point++;
            if (++walk.tries >= n) {
                return roundRobin(live);
            }
        }
    }

    private Ring ring(List<PeerState> all, List<PeerState> primary) {
        if (ringOf != all) {
            ring = build(primary);
            ringOf = all;
        }
        return ring;
    }

    /** Each peer's points: crc32(host \0 port, previous point as 4 little-endian bytes), as ketama. */
    private static Ring build(List<PeerState> primary) {
        int total = primary.stream().mapToInt(p -> p.server.weight() * POINTS).sum();
        long[][] points = new long[total][2];
        String[] names = new String[primary.size()];
        int at = 0;
        for (int s = 0; s < primary.size(); s++) {
            UpstreamServer server = primary.get(s).server;
            names[s] = server.address();
            byte[] base = (server.host() + "\0" + server.port()).getBytes(StandardCharsets.UTF_8);
            long prev = 0;
            for (int j = 0; j < server.weight() * POINTS; j++) {
                CRC32 c = new CRC32();
                c.update(base);
                c.update(new byte[] {(byte) prev, (byte) (prev >> 8), (byte) (prev >> 16), (byte) (prev >> 24)});
                prev = c.getValue();
                points[at][0] = prev;
                points[at][1] = s;
                at++;
            }
        }
        Arrays.sort(points, (a, b) -> Long.compare(a[0], b[0]));
        // equal hashes keep one point, as nginx does
        int kept = 0;
        for (int i = 0; i < total; i++) {
            if (kept == 0 || points[kept - 1][0] != points[i][0]) {
                points[kept++] = points[i];
            }
        }
        long[] hashes = new long[kept];
        String[] servers = new String[kept];
        for (int i = 0; i < kept; i++) {
            hashes[i] = points[i][0];
            servers[i] = names[(int) points[i][1]];
        }
        return new Ring(hashes, servers);
    }

    /** The index of the first hash not below h (the length when there is none: the walk wraps). */
    private static int lowerBound(long[] hashes, long h) {
        int lo = 0;
        int hi = hashes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hashes[mid] < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long crc32(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }
}
