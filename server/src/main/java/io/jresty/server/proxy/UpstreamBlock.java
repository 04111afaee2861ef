package io.jresty.server.proxy;

import io.jresty.server.http.Template;
import io.jresty.server.lua.LuaChunk;
import java.util.List;

/**
 * An upstream block as the conf declares it; the run-time state (peers that can change,
 * failures, health) lives in {@link UpstreamGroup}.
 *
 * @param keepalive  idle connections kept per worker process (0 = none, as without the directive)
 * @param hash       the key of {@code hash}, or null
 * @param balancer   balancer_by_lua handler, or null
 * @param keepaliveTimeout  keepalive_timeout in ms: how long a kept connection may stay idle (nginx: 60s)
 * @param keepaliveRequests keepalive_requests: requests one kept connection carries at most (nginx: 1000)
 */
public record UpstreamBlock(String name, List<UpstreamServer> servers, int keepalive, Template hash,
        boolean consistent, boolean leastConn, LuaChunk balancer, long keepaliveTimeout, int keepaliveRequests) {

    /** A block with nginx's keepalive_timeout and keepalive_requests defaults. */
    public UpstreamBlock(String name, List<UpstreamServer> servers, int keepalive, Template hash, boolean consistent,
            boolean leastConn, LuaChunk balancer) {
        this(name, servers, keepalive, hash, consistent, leastConn, balancer, 60_000, 1000);
    }
}
