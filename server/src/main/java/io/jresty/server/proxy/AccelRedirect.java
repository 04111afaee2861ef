package io.jresty.server.proxy;

import io.jresty.server.request.HttpRequestState;
import java.util.Map;
import java.util.Set;

/**
 * X-Accel-Redirect from an upstream (unless proxy_ignore_headers names it): nginx drops the
 * response, keeps the few headers its upstream module marks for redirects, turns the method into
 * GET (HEAD stays HEAD) and redirects internally to the URI (with its args) or named location.
 *
 * @param uri  the path or @name
 * @param args the query after '?', or null
 */
public record AccelRedirect(String uri, String args) {
    /** The headers nginx copies to the redirected request (checked against nginx 1.22). */
    private static final Set<String> KEPT = Set.of("content-type", "set-cookie", "cache-control", "expires",
            "content-disposition");

    /** Takes the redirect a proxied response asked for, or null. */
    public static AccelRedirect take(HttpRequestState r) {
        return (AccelRedirect) r.attributes().remove(AccelRedirect.class);
    }

    /** True (and the redirect noted on r) when the upstream's head asks for one. */
    static boolean follow(HttpRequestState r, ProxyConf conf, ResponseHead h) {
        String to = h.header("X-Accel-Redirect");
        if (to == null || to.isEmpty() || conf.responseHeaders().ignores("X-Accel-Redirect")) {
            return false;
        }
        for (Map.Entry<String, String> e : h.headers()) {
            if (KEPT.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                r.responseHeaders().add(e.getKey(), e.getValue());
            }
        }
        if (!r.method().equals("HEAD")) {
            r.method("GET");
        }
        int q = to.startsWith("@") ? -1 : to.indexOf('?');
        r.attributes().put(AccelRedirect.class, q < 0 ? new AccelRedirect(to, null)
                : new AccelRedirect(to.substring(0, q), to.substring(q + 1)));
        return true;
    }
}
