package io.jresty.server.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Chooses among the live peers by the upstream's method: nginx's smooth weighted round robin
 * (the default), least_conn (fewest active requests per weight, round robin among equals) or
 * hash (a key's crc32 over the weights; with {@code consistent}, a ring of 160 points per weight
 * unit so that adding a peer moves few keys). Called with the group's lock held.
 */
final class PeerPicker {
    private static final int POINTS = 160;

    private final UpstreamBlock block;

    PeerPicker(UpstreamBlock block) {
        this.block = block;
    }

    PeerState choose(List<PeerState> live, List<PeerState> all, String hashKey, int attempt) {
        if (live.isEmpty()) {
            return null;
        }
        if (block.hash() != null && hashKey != null) {
            return block.consistent() ? ring(live, hashKey) : hashed(live, hashKey, attempt);
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

    private static PeerState hashed(List<PeerState> live, String key, int attempt) {
        int total = live.stream().mapToInt(p -> p.server.weight()).sum();
        long point = crc32(attempt == 0 ? key : attempt + key) % total;
        for (PeerState p : live) {
            point -= p.server.weight();
            if (point < 0) {
                return p;
            }
        }
        return live.getLast();
    }

    private static PeerState ring(List<PeerState> live, String key) {
        TreeMap<Long, PeerState> points = new TreeMap<>();
        for (PeerState p : live) {
            for (int i = 0; i < POINTS * p.server.weight(); i++) {
                points.putIfAbsent(crc32(p.server.address() + "-" + i), p);
            }
        }
        var at = points.ceilingEntry(crc32(key));
        return (at == null ? points.firstEntry() : at).getValue();
    }

    private static long crc32(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
