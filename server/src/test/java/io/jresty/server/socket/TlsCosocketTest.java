package io.jresty.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sslhandshake over the JDK's TLS against a JDK TLS server with a self-signed certificate
 * for "localhost": no verification by default, as lua-nginx-module, and OpenSSL's words
 * when verification is asked for.
 */
class TlsCosocketTest {
    @TempDir
    static Path tmp;
    private static SSLContext serverContext;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Path store = tmp.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        Process export = new ProcessBuilder(keytool.toString(), "-exportcert", "-rfc", "-alias", "server",
                "-keystore", store.toString(), "-storepass", "secret", "-file", tmp.resolve("server.pem").toString())
                .redirectErrorStream(true).start();
        String exported = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(export.waitFor()).as(exported).isZero();
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    private static TestPeer tlsEcho() throws Exception {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return TestPeer.start(server, s -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            s.getOutputStream().write(("tls says " + line + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            in.readLine();
        });
    }

    private static String run(String lua) throws Exception {
        return run("", lua);
    }

    private static String run(String locationConf, String lua) throws Exception {
        try (TestServer server = TestServer.start(TestServer.serverConf(null, null,
                "location /t { " + locationConf + " content_by_lua_block {\n" + lua + "\n} }"))) {
            return server.get("/t").bodyText();
        }
    }

    @Test
    void theHandshakeTrustsAnyCertificateUnlessVerifyIsAsked() throws Exception {
        try (TestPeer peer = tlsEcho()) {
            assertThat(run("""
                    local sock = ngx.socket.tcp()
                    assert(sock:connect("127.0.0.1", %1$d))
                    local session, err = sock:sslhandshake(nil, "localhost")
                    ngx.say("session: ", type(session), " ", err)
                    ngx.say("again: ", sock:sslhandshake(false))
                    ngx.say("sent: ", sock:send("hello\\n"))
                    ngx.say(sock:receive())
                    sock:close()

                    local plain = ngx.socket.tcp()
                    assert(plain:connect("127.0.0.1", %1$d))
                    ngx.say("no session: ", plain:sslhandshake(false, "localhost", false))
                    plain:close()
                    """.formatted(peer.port())))
                    .isEqualTo("session: userdata nil\nagain: true\nsent: 6\ntls says hello\nno session: true\n");
        }
    }

    @Test
    void verificationFailsOnASelfSignedCertificateAndClosesTheSocket() throws Exception {
        try (TestPeer peer = tlsEcho()) {
            assertThat(run("""
                    local sock = ngx.socket.tcp()
                    assert(sock:connect("127.0.0.1", %d))
                    ngx.say(sock:sslhandshake(nil, "localhost", true))
                    ngx.say(sock:send("x"))
                    """.formatted(peer.port())))
                    .isEqualTo("nil18: self-signed certificate\nnilclosed\n");
        }
    }

    @Test
    void luaSslTrustedCertificateNamesTheCasThatVerify() throws Exception {
        String verify = """
                local sock = ngx.socket.tcp()
                assert(sock:connect("127.0.0.1", %d))
                local session, err = sock:sslhandshake(nil, "%s", true)
                ngx.say(type(session), " ", err)
                """;
        try (TestPeer peer = tlsEcho()) {
            String trusted = "lua_ssl_trusted_certificate " + tmp.resolve("server.pem") + "; lua_ssl_verify_depth 2;";
            assertThat(run(trusted, verify.formatted(peer.port(), "localhost"))).isEqualTo("userdata nil\n");
            // the chain is trusted, the name still has to match
            assertThat(run(trusted, verify.formatted(peer.port(), "example.com")))
                    .isEqualTo("nil certificate host mismatch\n");
        }
    }

    @Test
    void aPeerThatSpeaksNoTlsFailsTheHandshake() throws Exception {
        try (TestPeer peer = TestPeer.start(s -> s.getOutputStream().write("plain text, no TLS here\r\n\r\n".getBytes()))) {
            assertThat(run("""
                    local sock = ngx.socket.tcp()
                    assert(sock:connect("127.0.0.1", %d))
                    ngx.say(sock:sslhandshake())
                    """.formatted(peer.port())))
                    .isEqualTo("nilhandshake failed\n");
        }
    }
}
