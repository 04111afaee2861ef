package io.jresty.server.proxy;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.jresty.ngx.socket.CertificateChecks;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS to an https upstream over the JDK, as nginx does it: the handshake accepts any certificate,
 * then, with proxy_ssl_verify on, the chain is checked against proxy_ssl_trusted_certificate
 * and the name against the certificate, each failure worded as nginx logs it.
 *
 * @param ssl  the location's proxy_ssl_* settings
 * @param name the TLS name: proxy_ssl_name or the proxy_pass host, without a port
 */
record UpstreamTls(ProxySsl ssl, String name) {
    private static final Map<ProxySsl, Contexts> CONTEXTS = new ConcurrentHashMap<>();

    /** A handshake or a check that failed, with the words of nginx's error log. */
    static final class Failure extends IOException {
        Failure(String message) {
            super(message);
        }
    }

    /** The handshake and trust (null without trusted certificates) of one proxy_ssl configuration, made once. */
    private record Contexts(SSLContext handshake, X509TrustManager trust) {}

    /** The TLS name as nginx derives it: a port (as in $proxy_host or $http_host) is cut off. */
    static UpstreamTls of(ProxySsl ssl, String name) {
        int from = name.startsWith("[") ? Math.max(0, name.indexOf(']')) : 0;
        int colon = name.indexOf(':', from);
        return new UpstreamTls(ssl, colon < 0 ? name : name.substring(0, colon));
    }

    /** Runs the handshake on a connected socket; the timeout is proxy_connect_timeout, as in nginx. */
    SSLSocket handshake(Socket plain, long timeoutMs) throws IOException {
        Contexts c = CONTEXTS.computeIfAbsent(ssl, UpstreamTls::contexts);
        // the JDK looks sessions up by this host and port: the TLS name keeps a session made for one name (and
        // its SNI) from being resumed under another
        String peer = name.isEmpty() ? plain.getInetAddress().getHostAddress() : name;
        SSLSocket s = (SSLSocket) c.handshake().getSocketFactory().createSocket(plain, peer, plain.getPort(), true);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(List.of());
        if (ssl.serverName() && sniAllowed(name)) {
            try {
                p.setServerNames(List.of(new SNIHostName(name)));
            } catch (IllegalArgumentException e) {
                // a name the JDK refuses as a host name: sent without SNI
            }
        }
        if (ssl.protocols() != null) {
            List<String> supported = Arrays.asList(s.getSupportedProtocols());
            p.setProtocols(ssl.protocols().stream().filter(supported::contains).toArray(String[]::new));
        }
        s.setSSLParameters(p);
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMs)));
        s.startHandshake();
        if (!ssl.sessionReuse()) {
            // out of the client cache: the next connection makes a full handshake
            s.getSession().invalidate();
        }
        if (ssl.verify()) {
            verify(s, c.trust());
        }
        return s;
    }

    /** RFC 6066: no SNI for an IP literal (nginx leaves it out too). */
    private static boolean sniAllowed(String name) {
        return !name.isEmpty() && !name.startsWith("[") && !name.matches("[0-9.]+");
    }

    private void verify(SSLSocket s, X509TrustManager trust) throws Failure {
        X509Certificate[] chain;
        try {
            Certificate[] peer = s.getSession().getPeerCertificates();
            chain = Arrays.copyOf(peer, peer.length, X509Certificate[].class);
        } catch (IOException e) {
            throw new Failure("upstream SSL certificate verify error: (50:application verification failure)");
        }
        try {
            if (trust == null) {
                throw new java.security.cert.CertificateException("no trusted certificates");
            }
            trust.checkServerTrusted(chain, "UNKNOWN");
        } catch (GeneralSecurityException e) {
            throw new Failure("upstream SSL certificate verify error: (" + chainError(chain, e) + ")");
        }
        if (!CertificateChecks.hostMatches(chain[0], name)) {
            throw new Failure("upstream SSL certificate does not match \"" + name + "\"");
        }
    }

    /** OpenSSL's verify code and text for why the chain is not trusted. */
    private static String chainError(X509Certificate[] chain, GeneralSecurityException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "10:certificate has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "9:certificate is not yet valid";
            }
        }
        X509Certificate leaf = chain[0];
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            return "18:self-signed certificate";
        }
        if (chain.length > 1) {
            return "19:self-signed certificate in certificate chain";
        }
        return "20:unable to get local issuer certificate";
    }



    private static Contexts contexts(ProxySsl ssl) {
        try {
            SSLContext handshake = SSLContext.getInstance("TLS");
            handshake.init(null, new TrustManager[] {CertificateChecks.ANY}, null);
            boolean none = ssl.trusted() == null || ssl.trusted().isEmpty();
            return new Contexts(handshake, none ? null : CertificateChecks.trusting(ssl.trusted()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust manager of exactly the proxy_ssl_trusted_certificate CAs (none: nothing is trusted). */

}
