package io.jresty.server.proxy;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which upstream response headers reach the client: proxy_hide_header adds to nginx's defaults
 * (Date, Server, X-Pad and the X-Accel-* ones nginx acts on), proxy_pass_header takes names out
 * of that list, and each list is inherited until a level has its own lines. proxy_ignore_headers
 * turns off the special meaning of a header (here: X-Accel-Buffering, X-Accel-Limit-Rate; the
 * cache-related ones do nothing without a cache).
 *
 * @param hide   proxy_hide_header names, lower case (null = none at any level)
 * @param pass   proxy_pass_header names, lower case (null = none at any level)
 * @param ignore proxy_ignore_headers names, lower case
 */
record UpstreamHeaders(Set<String> hide, Set<String> pass, Set<String> ignore) {
    /** ngx_http_proxy_hide_headers. */
    private static final Set<String> HIDDEN_BY_DEFAULT = Set.of("date", "server", "x-pad", "x-accel-expires",
            "x-accel-redirect", "x-accel-limit-rate", "x-accel-buffering", "x-accel-charset");

    /** The upstream module consumes these, whatever the lists say (nginx passes TE, Trailer and Upgrade on). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding");

    private static final Set<String> IGNORABLE = Set.of("x-accel-redirect", "x-accel-expires",
            "x-accel-limit-rate", "x-accel-buffering", "x-accel-charset", "expires", "cache-control", "set-cookie",
            "vary");

    static final UpstreamHeaders DEFAULTS = new UpstreamHeaders(null, null, Set.of());

    /** This level after its proxy_hide_header, proxy_pass_header and proxy_ignore_headers lines. */
    static UpstreamHeaders apply(UpstreamHeaders inherited, List<ConfDirective> block) throws ConfException {
        Set<String> hide = null;
        Set<String> pass = null;
        Set<String> ignore = null;
        for (ConfDirective d : block) {
            switch (d.name()) {
                case "proxy_hide_header" -> (hide = hide == null ? new HashSet<>() : hide).add(lower(d.arg(0)));
                case "proxy_pass_header" -> (pass = pass == null ? new HashSet<>() : pass).add(lower(d.arg(0)));
                case "proxy_ignore_headers" -> {
                    ignore = ignore == null ? new HashSet<>() : ignore;
                    for (String a : d.args()) {
                        if (!IGNORABLE.contains(lower(a))) {
                            throw new ConfException("invalid value \"" + a + "\" " + d.where());
                        }
                        ignore.add(lower(a));
                    }
                }
                default -> { }
            }
        }
        return new UpstreamHeaders(hide == null ? inherited.hide : Set.copyOf(hide),
                pass == null ? inherited.pass : Set.copyOf(pass),
                ignore == null ? inherited.ignore : Set.copyOf(ignore));
    }

    /** Whether the header (any case) stays away from the client. */
    boolean hides(String name) {
        String n = lower(name);
        if (HOP_BY_HOP.contains(n)) {
            return true;
        }
        if (pass != null && pass.contains(n)) {
            return false;
        }
        return HIDDEN_BY_DEFAULT.contains(n) || (hide != null && hide.contains(n));
    }

    boolean ignores(String name) {
        return ignore.contains(lower(name));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
