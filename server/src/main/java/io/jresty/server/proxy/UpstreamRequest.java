package io.jresty.server.proxy;

import io.jresty.server.http.Template;
import io.jresty.server.request.HttpRequestState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The request head jresty sends upstream, built as nginx's proxy module builds it: the
 * proxy_set_header lines first (with nginx's defaults Host: $proxy_host and Connection: close
 * unless the conf sets them; an empty value drops the header), then the client's headers that
 * none of those names, without the hop-by-hop ones nginx never forwards.
 */
final class UpstreamRequest {
    private static final List<ProxyConf.SetHeader> DEFAULTS = List.of(
            new ProxyConf.SetHeader("Host", Template.parse("$proxy_host")),
            new ProxyConf.SetHeader("Connection", Template.parse("close")));
    /** Set to "" by nginx's default header list, so never passed from the client. */
    private static final Set<String> DROPPED = Set.of("content-length", "transfer-encoding", "te", "keep-alive",
            "expect", "upgrade");

    private UpstreamRequest() {}

    /** The request head; keepalive is false when the head asks the upstream to close. */
    record Head(byte[] bytes, boolean keepalive) {}

    static Head build(HttpRequestState r, ProxyConf conf, String uri, byte[] body, String declaredLength,
            Function<String, String> vars) {
        StringBuilder s = new StringBuilder(256);
        s.append(r.method()).append(' ').append(uri).append(" HTTP/").append(conf.httpVersion()).append("\r\n");
        Set<String> named = new HashSet<>();
        List<ProxyConf.SetHeader> set = new ArrayList<>(conf.setHeaders() == null ? List.of() : conf.setHeaders());
        for (ProxyConf.SetHeader d : DEFAULTS) {
            if (set.stream().noneMatch(h -> h.name().equalsIgnoreCase(d.name()))) {
                set.add(d);
            }
        }
        boolean close = conf.httpVersion().equals("1.0");
        for (ProxyConf.SetHeader h : set) {
            named.add(h.name().toLowerCase(Locale.ROOT));
            String value = h.value().expand(vars);
            if (h.name().equalsIgnoreCase("Connection")) {
                close |= value.toLowerCase(Locale.ROOT).contains("close");
            }
            if (!value.isEmpty()) {
                s.append(h.name()).append(": ").append(value).append("\r\n");
            }
        }
        if (!named.contains("content-length") && (body != null || declaredLength != null)) {
            s.append("Content-Length: ").append(body != null ? String.valueOf(body.length) : declaredLength)
                    .append("\r\n");
        }
        if (conf.passRequestHeaders()) {
            for (Map.Entry<String, String> h : r.requestHeaders()) {
                String lower = h.getKey().toLowerCase(Locale.ROOT);
                if (!named.contains(lower) && !DROPPED.contains(lower) && !lower.equals("connection")) {
                    s.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                }
            }
        }
        s.append("\r\n");
        return new Head(s.toString().getBytes(StandardCharsets.ISO_8859_1), !close);
    }

    /** The URI sent upstream, by nginx's rules for proxy_pass with and without a URI part. */
    static String uri(HttpRequestState r, ProxyPass pass, String locationPrefix, boolean prefixLocation) {
        String args = r.args() == null || r.args().isEmpty() ? "" : "?" + r.args();
        if (pass.uri() == null) {
            return unchanged(r) ? r.requestUri() : escape(r.uri()) + args;
        }
        if (pass.hasVariables() || pass.template().hasVariables()) {
            return pass.uri();
        }
        if (prefixLocation && r.uri().startsWith(locationPrefix)) {
            return pass.uri() + escape(r.uri().substring(locationPrefix.length())) + args;
        }
        return escape(r.uri()) + args;
    }

    /** Whether rewrites left the URI as the client sent it (then nginx forwards the client's bytes). */
    private static boolean unchanged(HttpRequestState r) {
        String raw = r.requestUri();
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String query = q < 0 ? null : raw.substring(q + 1);
        String args = r.args() == null || r.args().isEmpty() ? null : r.args();
        return !r.isInternal()
                && io.jresty.server.request.UriPath.normalize(io.jresty.server.request.UriPath.decode(path))
                        .equals(r.uri())
                && java.util.Objects.equals(query == null || query.isEmpty() ? null : query, args);
    }

    /** nginx's NGX_ESCAPE_URI for a path: spaces, '#', '%', '?', controls and non-ASCII bytes. */
    static String escape(String uri) {
        byte[] bytes = uri.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '#' || c == '%' || c == '?' || c == '"') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
