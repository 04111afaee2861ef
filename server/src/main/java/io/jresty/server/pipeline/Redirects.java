package io.jresty.server.pipeline;

import io.jresty.server.request.HttpRequestState;

/** absolute_redirect on: nginx turns "/path" Locations it makes itself into scheme://host:port/path. */
final class Redirects {
    private Redirects() {}

    static String absolute(HttpRequestState r, String location) {
        if (!location.startsWith("/")) {
            return location;
        }
        String scheme = r.exchange().getRequestScheme();
        int port = r.exchange().getDestinationAddress().getPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + r.host() + (defaultPort ? "" : ":" + port) + location;
    }
}
