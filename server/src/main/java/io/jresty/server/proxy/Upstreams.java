package io.jresty.server.proxy;

import io.jresty.ngx.log.ErrorLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every upstream of a server at run time: the conf's upstream blocks and the implicit
 * one-peer upstreams of proxy_pass URLs that name a host. One per server (a service of its
 * environment), shared by all workers, closed at shutdown.
 */
public final class Upstreams implements AutoCloseable {
    private final Map<String, UpstreamGroup> named;
    private final Map<String, UpstreamGroup> implicit = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final ErrorLog log;

    public Upstreams(Map<String, UpstreamBlock> blocks, LongSupplier clock, ErrorLog log) {
        this.clock = clock;
        this.log = log;
        Map<String, UpstreamGroup> m = new LinkedHashMap<>();
        blocks.forEach((name, block) -> m.put(name, new UpstreamGroup(block, clock)));
        this.named = m;
    }

    /** The upstream block of that name, or null. */
    UpstreamGroup named(String name) {
        return named.get(name);
    }

    Map<String, UpstreamGroup> all() {
        return named;
    }

    ErrorLog log() {
        return log;
    }

    /** The upstream a proxy_pass URL goes to: a block when the host names one (and no port), else host:port. */
    UpstreamGroup of(ProxyPass pass) {
        UpstreamGroup g = pass.hasPort() ? null : named.get(pass.host());
        if (g != null) {
            return g;
        }
        String key = pass.host() + ":" + pass.port();
        return implicit.computeIfAbsent(key, k -> new UpstreamGroup(new UpstreamBlock(k,
                List.of(new UpstreamServer(pass.host(), pass.port(), 1, 1, 10_000, false, false)), 0, null, false,
                false, null), clock));
    }

    @Override
    public void close() {
        named.values().forEach(UpstreamGroup::close);
        implicit.values().forEach(UpstreamGroup::close);
    }
}
