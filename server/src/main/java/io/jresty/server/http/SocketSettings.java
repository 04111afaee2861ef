package io.jresty.server.http;

import io.jresty.ngx.socket.CertificateChecks;
import io.jresty.ngx.socket.SocketDefaults;
import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.security.GeneralSecurityException;
import javax.net.ssl.X509TrustManager;

/** The lua_socket_* and lua_ssl_* directives of one level over the cosocket defaults they inherited. */
final class SocketSettings {
    private SocketSettings() {}

    static SocketDefaults apply(SocketDefaults d, ConfDirective directive) throws ConfException {
        String v = directive.arg(0);
        return switch (directive.name()) {
            case "lua_socket_connect_timeout" -> new SocketDefaults(Sizes.millis(v), d.sendTimeout(), d.readTimeout(),
                    d.poolSize(), d.keepaliveTimeout(), d.logErrors(), d.trust());
            case "lua_socket_send_timeout" -> new SocketDefaults(d.connectTimeout(), Sizes.millis(v), d.readTimeout(),
                    d.poolSize(), d.keepaliveTimeout(), d.logErrors(), d.trust());
            case "lua_socket_read_timeout" -> new SocketDefaults(d.connectTimeout(), d.sendTimeout(), Sizes.millis(v),
                    d.poolSize(), d.keepaliveTimeout(), d.logErrors(), d.trust());
            case "lua_socket_pool_size" -> new SocketDefaults(d.connectTimeout(), d.sendTimeout(), d.readTimeout(),
                    Integer.parseInt(v), d.keepaliveTimeout(), d.logErrors(), d.trust());
            case "lua_socket_keepalive_timeout" -> new SocketDefaults(d.connectTimeout(), d.sendTimeout(),
                    d.readTimeout(), d.poolSize(), Sizes.millis(v), d.logErrors(), d.trust());
            case "lua_socket_log_errors" -> new SocketDefaults(d.connectTimeout(), d.sendTimeout(), d.readTimeout(),
                    d.poolSize(), d.keepaliveTimeout(), v.equals("on"), d.trust());
            case "lua_ssl_trusted_certificate" -> new SocketDefaults(d.connectTimeout(), d.sendTimeout(),
                    d.readTimeout(), d.poolSize(), d.keepaliveTimeout(), d.logErrors(), trust(directive));
            default -> d;
        };
    }

    /** The trust of lua_ssl_trusted_certificate, built once here rather than at each handshake. */
    private static X509TrustManager trust(ConfDirective directive) throws ConfException {
        try {
            return CertificateChecks.trusting(TrustedCertificates.load(directive));
        } catch (GeneralSecurityException e) {
            throw new ConfException("cannot use the certificates of " + directive.name() + " (" + e.getMessage()
                    + ") " + directive.where());
        }
    }
}
