package io.jresty.server.proxy;

/**
 * nginx's {@code proxy_redirect default}: a Location header that starts with the proxy_pass URL
 * gets the location's prefix instead (the URL plus "/" becomes "/" when the URL has no URI
 * part), so redirects from the upstream point back through the proxy. Not applied when
 * proxy_pass has variables, as nginx does not allow "default" then.
 */
final class ProxyRedirect {
    private ProxyRedirect() {}

    static String rewrite(String location, ProxyPass pass, String locationName) {
        if (pass.hasVariables()) {
            return location;
        }
        String url = pass.template().source();
        String from = pass.uri() != null ? url : url + "/";
        String to = pass.uri() != null ? locationName : "/";
        return location.startsWith(from) ? to + location.substring(from.length()) : location;
    }
}
