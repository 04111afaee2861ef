package io.jresty.server.request;

/** $cookie_NAME: the value of that cookie in the Cookie header. */
final class CookieValue {
    private CookieValue() {}

    static String of(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return p.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
