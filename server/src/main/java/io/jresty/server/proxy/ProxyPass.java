package io.jresty.server.proxy;

import io.jresty.server.http.Template;
import java.util.Locale;

/**
 * The URL of proxy_pass, split as nginx splits it: scheme, host (an upstream name or a
 * host), port and the optional URI part that replaces the location prefix.
 *
 * @param template the URL as written (with $variables it is parsed again per request)
 * @param host     host or upstream name (null while the URL has variables)
 * @param port     port, 80 (http) or 443 (https) when the URL gives none
 * @param hasPort  whether the URL names a port (an upstream name never has one)
 * @param uri      the URI part, or null when the URL has none
 * @param https    whether the upstream speaks TLS
 */
public record ProxyPass(Template template, String host, int port, boolean hasPort, String uri, boolean https) {

    /** Parses a URL without variables; throws IllegalArgumentException in nginx's words. */
    public static ProxyPass parse(String url) {
        Template t = Template.parse(url);
        if (t.hasVariables()) {
            return new ProxyPass(t, null, 80, false, null, false);
        }
        return of(t, url);
    }

    /** This URL with its variables expanded for one request. */
    static ProxyPass of(Template template, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        boolean https;
        if (lower.startsWith("http://")) {
            rest = url.substring(7);
            https = false;
        } else if (lower.startsWith("https://")) {
            rest = url.substring(8);
            https = true;
        } else {
            throw new IllegalArgumentException("invalid URL prefix");
        }
        int defaultPort = https ? 443 : 80;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String uri = slash < 0 ? null : rest.substring(slash);
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("no host in \"" + url + "\"");
        }
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && !authority.endsWith("]")) {
            String p = authority.substring(colon + 1);
            int port;
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port in upstream \"" + authority + "\"");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("invalid port in upstream \"" + authority + "\"");
            }
            return new ProxyPass(template, authority.substring(0, colon), port, true, uri, https);
        }
        return new ProxyPass(template, authority, defaultPort, false, uri, https);
    }

    boolean hasVariables() {
        return host == null;
    }

    String scheme() {
        return https ? "https" : "http";
    }

    /** $proxy_host: the upstream name, or host[:port] when the port is not the scheme's default. */
    String proxyHost() {
        return hasPort && port != (https ? 443 : 80) ? host + ":" + port : host;
    }
}
