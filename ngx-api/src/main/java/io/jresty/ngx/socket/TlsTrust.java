package io.jresty.ngx.socket;

import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate checks for sslhandshake: the handshake itself trusts anything (nginx's
 * default, ssl_verify off); verification runs afterwards so its failure can be told
 * apart and worded as OpenSSL's verify errors ("18: self-signed certificate").
 */
final class TlsTrust {
    private static volatile SSLContext trustAll;

    private TlsTrust() {}

    static SSLContext trustAll() {
        SSLContext c = trustAll;
        if (c == null) {
            try {
                c = SSLContext.getInstance("TLS");
                c.init(null, new TrustManager[] {CertificateChecks.ANY}, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            trustAll = c;
        }
        return c;
    }

    /**
     * The verify error for the peer's chain and name, or null when both are good; trust is
     * lua_ssl_trusted_certificate's, or null for the JDK's CA store.
     */
    static String verify(SSLSession session, String serverName, X509TrustManager trust) {
        X509Certificate[] chain;
        try {
            Certificate[] peer = session.getPeerCertificates();
            chain = new X509Certificate[peer.length];
            for (int i = 0; i < peer.length; i++) {
                chain[i] = (X509Certificate) peer[i];
            }
        } catch (SSLPeerUnverifiedException e) {
            return "handshake failed";
        }
        try {
            (trust == null ? CertificateChecks.jdkDefault() : trust).checkServerTrusted(chain, "UNKNOWN");
        } catch (GeneralSecurityException e) {
            return chainError(chain, e);
        }
        if (serverName != null && !CertificateChecks.hostMatches(chain[0], serverName)) {
            return "certificate host mismatch";
        }
        return null;
    }

    private static String chainError(X509Certificate[] chain, GeneralSecurityException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "10: certificate has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "9: certificate is not yet valid";
            }
        }
        X509Certificate leaf = chain[0];
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "18: self-signed certificate";
        }
        return "20: unable to get local issuer certificate";
    }




}
