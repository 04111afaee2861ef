package io.jresty.ngx.socket;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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

    /** A trust manager that trusts exactly these CAs (lua_ssl_trusted_certificate, proxy_ssl_trusted_certificate). */
    public static X509TrustManager trusting(List<X509Certificate> cas) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        return firstX509(store);
    }

    private static volatile X509TrustManager jdkDefault;

    /** The JDK's own CA store, for verification without a trusted-certificate directive (built once). */
    public static X509TrustManager jdkDefault() throws GeneralSecurityException {
        X509TrustManager t = jdkDefault;
        if (t == null) {
            t = firstX509(null);
            jdkDefault = t;
        }
        return t;
    }

    private static X509TrustManager firstX509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

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
