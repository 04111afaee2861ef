package io.jresty.server.proxy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A CA and a server certificate it signed (for localhost and 127.0.0.1), made with the JDK's
 * keytool at test time, as an https upstream presents them (leaf and CA).
 *
 * @param caPem  the CA certificate as PEM (what proxy_ssl_trusted_certificate names)
 * @param server the server side of TLS with the signed certificate
 */
record TestCertificates(Path caPem, SSLContext server) {
    private static final String PASS = "secret";

    static TestCertificates make(Path dir, String caName) throws Exception {
        Path ca = dir.resolve(caName + ".p12");
        Path store = dir.resolve(caName + "-server.p12");
        Path csr = dir.resolve(caName + "-server.csr");
        Path crt = dir.resolve(caName + "-server.crt");
        Path caPem = dir.resolve(caName + ".pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=" + caName, "-ext", "bc:c",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString());
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", crt.toString(), "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2");
        // the reply with its CA after it: keytool takes the chain from the file
        Files.writeString(crt, Files.readString(crt) + Files.readString(caPem));
        keytool("-importcert", "-noprompt", "-alias", "server", "-keystore", store.toString(), "-file",
                crt.toString());
        return new TestCertificates(caPem, serverContext(store));
    }

    /** A server with a self-signed certificate for localhost and no CA (caPem is null). */
    static TestCertificates selfSigned(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString());
        return new TestCertificates(null, serverContext(store));
    }

    private static SSLContext serverContext(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        return server;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PASS));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
        }
    }
}
