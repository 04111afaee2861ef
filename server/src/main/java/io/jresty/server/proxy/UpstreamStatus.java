package io.jresty.server.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status document of {@code jresty.upstream.status()}: for each upstream block its peers,
 * their configured role and what passive and active checks say now.
 * A peer's "state" is "down" (configured), "unhealthy" (active checks), "failed" (max_fails
 * reached within fail_timeout) or "up".
 */
final class UpstreamStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamStatus() {}

    static String json(Upstreams upstreams) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> ups = new LinkedHashMap<>();
        upstreams.all().forEach((name, g) -> ups.put(name, group(g)));
        doc.put("upstreams", ups);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> group(UpstreamGroup g) {
        Map<String, Object> out = new LinkedHashMap<>();
        long now = g.now();
        List<Object> peers = new ArrayList<>();
        synchronized (g) {
            for (PeerState p : g.peers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("server", p.server.address());
                m.put("weight", p.server.weight());
                m.put("backup", p.server.backup());
                m.put("state", p.server.down() ? "down" : !p.healthy ? "unhealthy"
                        : p.failedOut(now) && g.peers().size() > 1 ? "failed" : "up");
                m.put("healthy", p.healthy);
                m.put("fails", p.fails);
                m.put("active", p.active);
                m.put("requests", p.requests);
                m.put("failures", p.failures);
                if (p.lastCheckError != null) {
                    m.put("check_error", p.lastCheckError);
                }
                peers.add(m);
            }
        }
        out.put("peers", peers);
        out.put("keepalive", g.block.keepalive());
        out.put("idle_connections", g.pool.idleCount());
        HealthCheck h = g.health();
        if (h != null) {
            HealthCheck.Settings s = h.settings();
            out.put("health_check", Map.of("path", s.path(), "interval", s.interval() / 1000.0, "rise", s.rise(),
                    "fall", s.fall()));
        }
        return out;
    }
}
