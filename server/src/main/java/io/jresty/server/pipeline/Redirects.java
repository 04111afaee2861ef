package io.jresty.server.pipeline;

import io.jresty.server.request.HttpRequestState;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;

/** absolute_redirect on: nginx turns "/path" Locations it makes itself into scheme://host:port/path. */
public final class Redirects {
    private Redirects() {}

    public static String absolute(HttpRequestState r, String location) {
        if (!location.startsWith("/")) {
            return location;
        }
        String scheme = r.exchange().getRequestScheme();
        int port = r.exchange().getDestinationAddress().getPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + r.host() + (defaultPort ? "" : ":" + port) + location;
    }

    /**
     * A Location nginx completes only in its header filter, after header_filter_by_lua has seen it as a path
     * (the one proxy_redirect rewrote).
     */
    public static void completeWhenSent(HttpRequestState r, String location) {
        r.attributes().put(Redirects.class, location);
    }

    /** At the response head: completes the marked Location if the filters left it as it was. */
    public static void complete(HttpRequestState r, HeaderMap out) {
        Object marked = r.attributes().get(Redirects.class);
        if (marked != null && marked.equals(out.getFirst(Headers.LOCATION))) {
            out.put(Headers.LOCATION, absolute(r, (String) marked));
        }
    }
}
