package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPluginApiTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore keys;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    @BeforeAll
    static void certificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("api.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
    }

    private static SSLContext server() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("api", keys.getCertificate("api"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    @Test
    void anHttpsApiWhoseCertificateIsTrustedServesTheDocument() throws Exception {
        try (PluginApi api = new PluginApi(server())) {
            api.serve(Documents.CLASSIC);
            Engines engines = new Engines();
            Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withSslContext(trusting()));

            assertThat(d.pollNow()).isTrue();
            d.pollNow();

            assertThat(api.uri().getScheme()).isEqualTo("https");
            assertThat(d.current().pluginsFor("dynamic.local.com", "content")).hasSize(1);
            assertThat(d.counters().notModified()).isEqualTo(1);
        }
    }

    @Test
    void anUntrustedCertificateIsAGenericErrorAndInstallsNothing() throws Exception {
        try (PluginApi api = new PluginApi(server())) {
            api.serve(Documents.CLASSIC);
            Engines engines = new Engines();
            Dynacode d = engines.engine(api.uri());

            assertThat(d.pollNow()).isFalse();

            assertThat(d.current()).isNull();
            assertThat(engines.events.get(0)).isInstanceOf(DynacodeEvent.FetchGenericError.class);
            assertThat(api.requests.get()).isZero();
        }
    }
}
