package io.jresty.server.proxy;

import io.jresty.server.pipeline.Redirects;
import io.jresty.server.request.HttpRequestState;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies an upstream's response headers to the request as nginx's upstream module does: the
 * hidden ones stay out, Location and Refresh go through proxy_redirect, and a Location that
 * proxy_redirect turned into a path is made absolute when sent, as nginx makes its own redirects.
 */
final class ResponseHeaderCopy {
    private ResponseHeaderCopy() {}

    static void copy(HttpRequestState r, ProxyConf conf, ProxyPass pass, ResponseHead h,
            Function<String, String> vars) {
        UpstreamHeaders rules = conf.responseHeaders();
        String locationName = r.location().pattern();
        for (Map.Entry<String, String> e : h.headers()) {
            String name = e.getKey();
            if (rules.hides(name)) {
                continue;
            }
            String value = e.getValue();
            if (name.equalsIgnoreCase("Location") && !value.isEmpty()) {
                String rewritten = conf.redirect().location(value, pass, locationName, vars);
                // an untouched relative Location stays relative: nginx only completes the ones it rewrote, and
                // only in its header filter, so header_filter_by_lua still sees the path
                if (rewritten != null) {
                    value = rewritten;
                    Redirects.completeWhenSent(r, rewritten);
                }
            } else if (name.equalsIgnoreCase("Refresh")) {
                String rewritten = conf.redirect().refresh(value, pass, locationName, vars);
                value = rewritten == null ? value : rewritten;
            }
            r.responseHeaders().add(name, value);
        }
    }

    /** proxy_buffering, unless the upstream says otherwise with X-Accel-Buffering (and it is not ignored). */
    static boolean buffering(ProxyConf conf, ResponseHead h) {
        String accel = h.header("X-Accel-Buffering");
        if (accel == null || conf.responseHeaders().ignores("X-Accel-Buffering")) {
            return conf.buffering();
        }
        if (accel.equalsIgnoreCase("yes")) {
            return true;
        }
        return accel.equalsIgnoreCase("no") ? false : conf.buffering();
    }
}
