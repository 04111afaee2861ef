package io.jresty.ngx.socket;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * What cosockets and https upstreams both check of a peer's certificate, as OpenSSL does for
 * nginx: a trust manager that takes any chain (verify off; verification runs after the
 * handshake so its failure can be worded as OpenSSL's) and the host-name match.
 */
public final class CertificateChecks {
    /** ssl_verify / proxy_ssl_verify off: nginx completes the handshake whatever the certificate. */
    public static final X509TrustManager ANY = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private CertificateChecks() {}

    /**
     * RFC 6125 in short, as X509_check_host: DNS subject alternative names (one leading
     * wildcard label) and IP addresses; the CN only when there is no DNS name.
     */
    public static boolean hostMatches(X509Certificate cert, String name) {
        String host = name.toLowerCase(Locale.ROOT);
        boolean sawDns = false;
        try {
            Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alt : alternatives) {
                    int type = (Integer) alt.get(0);
                    String value = String.valueOf(alt.get(1)).toLowerCase(Locale.ROOT);
                    if (type == 2) {
                        sawDns = true;
                        if (dnsMatch(value, host)) {
                            return true;
                        }
                    } else if (type == 7 && value.equals(host)) {
                        return true;
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sawDns) {
            return false;
        }
        for (String part : cert.getSubjectX500Principal().getName().split(",")) {
            if (part.trim().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                return dnsMatch(part.trim().substring(3).toLowerCase(Locale.ROOT), host);
            }
        }
        return false;
    }

    private static boolean dnsMatch(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }
}
