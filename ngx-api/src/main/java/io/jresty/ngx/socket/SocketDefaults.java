package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import javax.net.ssl.X509TrustManager;

/**
 * The lua_socket_* directives in force for a request: timeouts in milliseconds, the
 * keepalive pool size and idle timeout, and the trust built from lua_ssl_trusted_certificate's
 * CAs at conf time (null: the JDK's own CA store verifies). The server may put one in the request's
 * attributes under this class; without one, lua-nginx-module's defaults apply.
 */
public record SocketDefaults(long connectTimeout, long sendTimeout, long readTimeout, int poolSize,
        long keepaliveTimeout, boolean logErrors, X509TrustManager trust) {
    /** lua-nginx-module's defaults: 60s timeouts, pools of 30, 60s idle, errors logged. */
    public static final SocketDefaults NGINX = new SocketDefaults(60_000, 60_000, 60_000, 30, 60_000, true, null);

    static SocketDefaults of(NgxContext ctx) {
        if (ctx != null && ctx.request() != null
                && ctx.request().attributes().get(SocketDefaults.class) instanceof SocketDefaults d) {
            return d;
        }
        return NGINX;
    }
}
