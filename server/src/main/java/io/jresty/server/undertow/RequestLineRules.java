package io.jresty.server.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Protocols;

/**
 * nginx's request-line rules over what Undertow parsed: method letters, the URI form and the
 * HTTP version.
 */
final class RequestLineRules {
    private RequestLineRules() {}

    static RequestLimits.Refusal check(HttpServerExchange ex) {
        String method = ex.getRequestMethod().toString();
        if (method.isEmpty() || !method.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) {
            return new RequestLimits.Refusal(400, "invalid method while reading client request line");
        }
        String uri = ex.getRequestURI();
        if (!uri.startsWith("/") && !ex.isHostIncludedInRequestURI()) {
            return new RequestLimits.Refusal(400, "invalid request while reading client request line");
        }
        RequestLimits.Refusal version = version(ex);
        if (version != null) {
            return version;
        }
        return null;
    }

    /** The request line's length as sent, without its CRLF. */
    static long length(HttpServerExchange ex) {
        String query = ex.getQueryString();
        return ex.getRequestMethod().length() + 1 + ex.getRequestURI().length()
                + (query == null || query.isEmpty() ? 0 : query.length() + 1) + 1 + ex.getProtocol().length();
    }

    /** HTTP/1.x is served as HTTP/1.1; a major version past 1 is nginx's 505; anything else 400. */
    private static RequestLimits.Refusal version(HttpServerExchange ex) {
        String protocol = ex.getProtocol().toString();
        if (protocol.equals("HTTP/1.1") || protocol.equals("HTTP/1.0")) {
            return null;
        }
        int dot = protocol.indexOf('.');
        String major = protocol.startsWith("HTTP/") && dot > 5 ? protocol.substring(5, dot) : "";
        String minor = dot > 0 ? protocol.substring(dot + 1) : "";
        if (!digits(major) || !digits(minor) || major.charAt(0) == '0' || minor.length() > 3) {
            return new RequestLimits.Refusal(400, "invalid request while reading client request line");
        }
        if (!major.equals("1")) {
            return new RequestLimits.Refusal(505, "invalid version while reading client request line");
        }
        ex.setProtocol(Protocols.HTTP_1_1);
        return null;
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
