package io.jresty.server.proxy;

import io.jresty.server.request.HttpRequestState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * $upstream_addr, $upstream_status and $upstream_response_time of a request: one entry per
 * try, joined with ", " as nginx prints them ("-" for a time not known: no header came, or the
 * body is still being read). Kept in the request's attributes.
 */
public final class UpstreamVariables {
    /** The names this class answers. */
    public static final Set<String> NAMES = Set.of("upstream_addr", "upstream_status", "upstream_response_time",
            "upstream_connect_time", "upstream_header_time", "proxy_host", "proxy_port",
            "proxy_add_x_forwarded_for");

    private final List<String> addrs = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Long> headerTimes = new ArrayList<>();
    String proxyHost;
    String proxyPort;

    static UpstreamVariables of(HttpRequestState r) {
        return (UpstreamVariables) r.attributes().computeIfAbsent(UpstreamVariables.class,
                k -> new UpstreamVariables());
    }

    void tried(String addr, String status, long millis, long headerMillis) {
        addrs.add(addr);
        statuses.add(status);
        times.add(millis);
        headerTimes.add(headerMillis);
    }

    /** The whole response of the last try was read: its $upstream_response_time. */
    void finished(long millis) {
        times.set(times.size() - 1, millis);
    }

    /** The value of one of {@link #NAMES} for r, or null when r was not proxied. */
    public static String value(HttpRequestState r, String name) {
        if (name.equals("proxy_add_x_forwarded_for")) {
            String xff = r.requestHeader("X-Forwarded-For");
            return xff == null ? r.remoteAddr() : xff + ", " + r.remoteAddr();
        }
        UpstreamVariables v = (UpstreamVariables) r.attributes().get(UpstreamVariables.class);
        if (v == null) {
            return null;
        }
        return switch (name) {
            case "upstream_addr" -> v.addrs.isEmpty() ? null : String.join(", ", v.addrs);
            case "upstream_status" -> v.statuses.isEmpty() ? null : String.join(", ", v.statuses);
            case "upstream_response_time" -> seconds(v.times);
            case "upstream_header_time", "upstream_connect_time" -> seconds(v.headerTimes);
            case "proxy_host" -> v.proxyHost;
            case "proxy_port" -> v.proxyPort;
            default -> null;
        };
    }

    private static String seconds(List<Long> millis) {
        return millis.isEmpty() ? null : millis.stream()
                .map(m -> m < 0 ? "-" : String.format(Locale.ROOT, "%.3f", m / 1000.0))
                .collect(Collectors.joining(", "));
    }
}
