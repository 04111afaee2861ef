package io.jresty.server.http;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The CA certificates of lua_ssl_trusted_certificate / proxy_ssl_trusted_certificate, read at conf time. */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    /** The PEM file, relative to the conf file's directory as nginx resolves SSL files; OpenSSL's words when it fails. */
    public static List<X509Certificate> load(ConfDirective d) throws ConfException {
        Path file = Path.of(d.arg(0));
        if (!file.isAbsolute() && d.file() != null && d.file().getParent() != null) {
            file = d.file().getParent().resolve(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return List.copyOf(out);
        } catch (IOException | CertificateException e) {
            throw new ConfException("SSL_CTX_load_verify_locations(\"" + file + "\") failed (" + e.getMessage()
                    + ") " + d.where());
        }
    }
}
