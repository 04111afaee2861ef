/**
 * Reverse proxying as nginx's proxy and upstream modules do it: proxy_pass, upstream blocks,
 * peer selection with retries and passive/active health, a blocking HTTP/1.1 client with a
 * keepalive pool per upstream, balancer_by_lua and the {@code jresty.upstream} Lua module.
 */
package io.jresty.server.proxy;
