/**
 * Reverse proxying as nginx's proxy and upstream modules do it, on the request's virtual thread
 * with blocking sockets.
 *
 * <p>Directives: {@code proxy_pass} (http or https URL with or without a URI part, with
 * variables, to a host or an upstream block), {@code proxy_set_header} (defaults Host $proxy_host
 * and Connection close), {@code proxy_pass_request_headers}, {@code proxy_pass_request_body},
 * {@code proxy_http_version}, {@code proxy_connect_timeout}, {@code proxy_send_timeout},
 * {@code proxy_read_timeout}, {@code proxy_next_upstream} (error, timeout, invalid_header,
 * http_5xx/403/404/429, non_idempotent, off), {@code proxy_next_upstream_tries},
 * {@code proxy_intercept_errors}, {@code proxy_buffering off} (each piece is flushed to the
 * client as it comes), {@code proxy_redirect}, {@code proxy_hide_header},
 * {@code proxy_pass_header}, {@code proxy_ignore_headers}, {@code proxy_ssl_*}; {@code upstream}
 * with {@code server ... weight= max_fails= fail_timeout= max_conns= backup down}, {@code keepalive},
 * {@code least_conn}, {@code hash $key [consistent]}, {@code balancer_by_lua_block}/{@code _file}.
 * Variables: $upstream_addr, $upstream_status, $upstream_response_time, $upstream_header_time,
 * $proxy_host, $proxy_port, $proxy_add_x_forwarded_for.
 *
 * <p>Why a client of our own rather than java.net.http or Undertow's: the request head must be
 * exactly what nginx sends (header order, case, duplicates, Host and Connection rules), which
 * java.net.http forbids (restricted headers) and rewrites; Undertow's client is callback-based
 * on XNIO threads, which would add a hop per request, while a blocking socket on the request's
 * virtual thread costs nothing while it waits.
 *
 * <p>Not done: proxy_cache, X-Accel-Limit-Rate, X-Accel-Charset, proxy_ssl_certificate,
 * proxy_ssl_ciphers; proxy_ssl_verify_depth is read, not enforced.
 */
package io.jresty.server.proxy;
