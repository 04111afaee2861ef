package io.jresty.server.proxy;

import io.jresty.server.http.Template;
import java.util.List;
import java.util.Set;

/**
 * The proxy_* settings of one conf level, inherited from http to server to location as nginx
 * merges them. Immutable.
 *
 * @param pass               proxy_pass of the location, or null when it does not proxy
 * @param setHeaders         proxy_set_header of the nearest level that has any (null = none set anywhere)
 * @param connectTimeout     proxy_connect_timeout in ms
 * @param sendTimeout        proxy_send_timeout in ms
 * @param readTimeout        proxy_read_timeout in ms
 * @param nextUpstream       proxy_next_upstream conditions (empty = off)
 * @param ssl                proxy_ssl_* settings
 * @param redirect           proxy_redirect rules
 * @param responseHeaders    proxy_hide_header, proxy_pass_header, proxy_ignore_headers
 */
public record ProxyConf(
        ProxyPass pass,
        List<SetHeader> setHeaders,
        boolean passRequestHeaders,
        boolean passRequestBody,
        String httpVersion,
        long connectTimeout,
        long sendTimeout,
        long readTimeout,
        boolean buffering,
        Set<NextUpstream> nextUpstream,
        int nextUpstreamTries,
        boolean interceptErrors,
        ProxySsl ssl,
        ProxyRedirect redirect,
        UpstreamHeaders responseHeaders) {

    /** proxy_set_header name value; an empty value removes the header. */
    public record SetHeader(String name, Template value) {}

    /** The conditions of proxy_next_upstream (DENIED is accepted; jresty has no limit_conn to deny). */
    public enum NextUpstream { ERROR, TIMEOUT, DENIED, INVALID_HEADER, HTTP_500, HTTP_502, HTTP_503, HTTP_504, HTTP_403,
        HTTP_404, HTTP_429, NON_IDEMPOTENT }

    public static ProxyConf defaults() {
        return new ProxyConf(null, null, true, true, "1.0", 60_000, 60_000, 60_000, true,
                Set.of(NextUpstream.ERROR, NextUpstream.TIMEOUT), 0, false, ProxySsl.defaults(), ProxyRedirect.IMPLICIT,
                UpstreamHeaders.DEFAULTS);
    }

    /** True when the status is one proxy_next_upstream retries. */
    boolean retriesStatus(int status) {
        return switch (status) {
            case 500 -> nextUpstream.contains(NextUpstream.HTTP_500);
            case 502 -> nextUpstream.contains(NextUpstream.HTTP_502);
            case 503 -> nextUpstream.contains(NextUpstream.HTTP_503);
            case 504 -> nextUpstream.contains(NextUpstream.HTTP_504);
            case 403 -> nextUpstream.contains(NextUpstream.HTTP_403);
            case 404 -> nextUpstream.contains(NextUpstream.HTTP_404);
            case 429 -> nextUpstream.contains(NextUpstream.HTTP_429);
            default -> false;
        };
    }
}
