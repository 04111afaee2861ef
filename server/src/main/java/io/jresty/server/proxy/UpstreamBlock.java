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
 */
public record UpstreamBlock(String name, List<UpstreamServer> servers, int keepalive, Template hash,
        boolean consistent, boolean leastConn, LuaChunk balancer) {
}
