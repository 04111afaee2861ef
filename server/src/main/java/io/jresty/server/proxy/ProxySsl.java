package io.jresty.server.proxy;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.http.Template;
import io.jresty.server.http.TrustedCertificates;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The proxy_ssl_* settings of one conf level, for https upstreams.
 *
 * @param verify       proxy_ssl_verify (off by default, as nginx: any certificate is accepted)
 * @param trusted      the CA certificates of proxy_ssl_trusted_certificate (null = none)
 * @param verifyDepth  proxy_ssl_verify_depth (read, not enforced: the JDK's path building has no depth limit)
 * @param serverName   proxy_ssl_server_name (off by default, as nginx: no SNI unless on)
 * @param name         proxy_ssl_name, or null for the proxy_pass host
 * @param protocols    proxy_ssl_protocols in the JDK's names (null = the JDK's defaults)
 * @param sessionReuse proxy_ssl_session_reuse (on: the JDK's client session cache, per TLS name and port)
 */
public record ProxySsl(boolean verify, List<X509Certificate> trusted, int verifyDepth, boolean serverName,
        Template name, List<String> protocols, boolean sessionReuse) {

    private static final Set<String> PROTOCOLS = Set.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    static ProxySsl defaults() {
        return new ProxySsl(false, null, 1, false, null, null, true);
    }

    /** This level's value after one proxy_ssl_* directive; unknown names leave it as it is. */
    ProxySsl with(ConfDirective d) throws ConfException {
        return switch (d.name()) {
            case "proxy_ssl_verify" -> new ProxySsl(on(d), trusted, verifyDepth, serverName, name, protocols,
                    sessionReuse);
            case "proxy_ssl_trusted_certificate" -> new ProxySsl(verify, TrustedCertificates.load(d), verifyDepth, serverName,
                    name, protocols, sessionReuse);
            case "proxy_ssl_verify_depth" -> new ProxySsl(verify, trusted, depth(d), serverName, name, protocols,
                    sessionReuse);
            case "proxy_ssl_server_name" -> new ProxySsl(verify, trusted, verifyDepth, on(d), name, protocols,
                    sessionReuse);
            case "proxy_ssl_name" -> new ProxySsl(verify, trusted, verifyDepth, serverName,
                    ProxyDirectives.template(d, d.arg(0)), protocols, sessionReuse);
            case "proxy_ssl_protocols" -> new ProxySsl(verify, trusted, verifyDepth, serverName, name,
                    protocols(d), sessionReuse);
            case "proxy_ssl_session_reuse" -> new ProxySsl(verify, trusted, verifyDepth, serverName, name, protocols,
                    on(d));
            default -> this;
        };
    }

    private static boolean on(ConfDirective d) {
        return d.arg(0).equals("on");
    }

    private static int depth(ConfDirective d) throws ConfException {
        try {
            return Integer.parseInt(d.arg(0));
        } catch (NumberFormatException e) {
            throw new ConfException("\"" + d.name() + "\" directive invalid number " + d.where());
        }
    }

    /** nginx's names; SSLv2 has no JDK counterpart and is left out (OpenSSL 3 cannot speak it either). */
    private static List<String> protocols(ConfDirective d) throws ConfException {
        Set<String> out = new LinkedHashSet<>();
        for (String a : d.args()) {
            if (!PROTOCOLS.contains(a)) {
                throw new ConfException("invalid value \"" + a + "\" " + d.where());
            }
            if (!a.equals("SSLv2")) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

}
