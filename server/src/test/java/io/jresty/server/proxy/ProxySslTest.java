package io.jresty.server.proxy;

import static io.jresty.server.proxy.FakeUpstream.Mode.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proxy_pass to https upstreams on loopback ports, with certificates made at test time. */
class ProxySslTest {
    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static TestCertificates selfSigned;

    @BeforeAll
    static void certificates() throws Exception {
        certs = TestCertificates.make(dir, "testca");
        selfSigned = TestCertificates.selfSigned(dir, "alone");
    }

    private static TestServer proxy(String upstreams, String location) throws Exception {
        return TestServer.start(TestServer.serverConf(null, upstreams, location));
    }

    @Test
    void anyCertificateIsAcceptedAndNoSniIsSentByDefault() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer s = proxy("", "location / { proxy_pass https://localhost:" + a.port() + "; }")) {
            RawHttp.Response r = s.get("/x");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("from a");
            assertThat(a.requests().getFirst()).startsWith("GET /x HTTP/1.0\r\nHost: localhost:" + a.port() + "\r\n");
            assertThat(a.handshakes()).containsExactly("sni=none TLSv1.3");
        }
    }

    @Test
    void sniCarriesTheHostOrProxySslNameWhenServerNameIsOn() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer s = proxy("", "location /host { proxy_ssl_server_name on; proxy_pass https://localhost:"
                     + a.port() + "; }\n location /named { proxy_ssl_server_name on; proxy_ssl_name $arg_n:8443; "
                     + "proxy_pass https://127.0.0.1:" + a.port() + "; }\n location /ip { proxy_ssl_server_name on; "
                     + "proxy_pass https://127.0.0.1:" + a.port() + "; }")) {
            assertThat(s.get("/host").status()).isEqualTo(200);
            assertThat(s.get("/named?n=api.example").status()).isEqualTo(200);
            assertThat(s.get("/ip").status()).isEqualTo(200);
            // the port of a name is cut off, and an IP address is never sent as SNI (RFC 6066)
            assertThat(a.handshakes()).containsExactly("sni=localhost TLSv1.3", "sni=api.example TLSv1.3",
                    "sni=none TLSv1.3");
        }
    }

    @Test
    void verifyChecksTheChainAgainstTheTrustedCertificateAndTheName() throws Exception {
        String trusted = "proxy_ssl_verify on; proxy_ssl_trusted_certificate " + certs.caPem() + ";";
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             FakeUpstream stranger = FakeUpstream.startTls("stranger", HEALTHY, selfSigned.server());
             TestServer s = proxy("", "location /good { " + trusted + " proxy_pass https://localhost:" + a.port()
                     + "; }\n location /ip { " + trusted + " proxy_pass https://127.0.0.1:" + a.port() + "; }\n"
                     + " location /stranger { " + trusted + " proxy_pass https://localhost:" + stranger.port()
                     + "; }\n location /name { " + trusted + " proxy_ssl_name wrong.example; proxy_pass "
                     + "https://localhost:" + a.port() + "; }")) {
            assertThat(s.get("/good").bodyText()).isEqualTo("from a");
            assertThat(s.get("/ip").bodyText()).isEqualTo("from a");
            assertThat(s.get("/stranger").status()).isEqualTo(502);
            assertThat(s.get("/name").status()).isEqualTo(502);
            assertThat(stranger.requests()).isEmpty();
            assertThat(s.errorLog())
                    .contains("upstream SSL certificate verify error: (18:self-signed certificate) while SSL "
                            + "handshaking to upstream")
                    .contains("upstream: \"https://127.0.0.1:" + stranger.port() + "/stranger\"")
                    .contains("upstream SSL certificate does not match \"wrong.example\" while SSL handshaking to "
                            + "upstream");
        }
    }

    @Test
    void aPlainHttpPeerFailsTheHandshakeWith502() throws Exception {
        // a plain HTTP server answers the ClientHello with 400 and hangs up, as nginx does
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             TestServer s = proxy("", "location / { proxy_pass https://127.0.0.1:" + plain.getLocalPort()
                     + "; }")) {
            Thread.ofVirtual().start(() -> {
                try (Socket c = plain.accept()) {
                    c.getInputStream().read(new byte[512]);
                    c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // the test fails on the status below
                }
            });
            assertThat(s.get("/x").status()).isEqualTo(502);
            assertThat(s.errorLog()).contains("SSL_do_handshake() failed (SSL: ")
                    .contains(") while SSL handshaking to upstream")
                    .contains("upstream: \"https://127.0.0.1:" + plain.getLocalPort() + "/x\"");
        }
    }

    @Test
    void withoutSessionReuseEachConnectionMakesAFullHandshake() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer reuse = proxy("", "location / { proxy_ssl_protocols TLSv1.2; proxy_pass https://127.0.0.1:"
                     + a.port() + "; }");
             TestServer fresh = proxy("", "location / { proxy_ssl_protocols TLSv1.2; proxy_ssl_session_reuse off; "
                     + "proxy_pass https://127.0.0.1:" + a.port() + "; }")) {
            for (int i = 0; i < 3; i++) {
                assertThat(reuse.get("/x").status()).isEqualTo(200);
                assertThat(fresh.get("/x").status()).isEqualTo(200);
            }
            assertThat(a.handshakes()).hasSize(6);
            assertThat(a.sessions()).as("distinct sessions: one reused by the first proxy, three of the second")
                    .hasSize(4);
        }
    }

    @Test
    void proxySslProtocolsLimitsTheVersions() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer s = proxy("", "location / { proxy_ssl_protocols TLSv1.2; proxy_pass https://127.0.0.1:"
                     + a.port() + "; }")) {
            assertThat(s.get("/x").status()).isEqualTo(200);
            assertThat(a.handshakes()).containsExactly("sni=none TLSv1.2");
        }
    }

    @Test
    void keptTlsConnectionsAreReusedOnlyForTheSameTlsName() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer s = proxy("upstream secure { server 127.0.0.1:" + a.port() + "; keepalive 4; }",
                     "location /one { proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                             + "proxy_ssl_server_name on; proxy_ssl_name one.example; proxy_pass https://secure; }\n"
                             + " location /two { proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                             + "proxy_ssl_server_name on; proxy_ssl_name two.example; proxy_pass https://secure; }")) {
            for (int i = 0; i < 3; i++) {
                assertThat(s.get("/one").bodyText()).isEqualTo("from a");
                assertThat(s.get("/two").bodyText()).isEqualTo("from a");
            }
            assertThat(a.requests()).hasSize(6);
            assertThat(a.connections()).isEqualTo(2);
            assertThat(a.handshakes()).containsExactly("sni=one.example TLSv1.3", "sni=two.example TLSv1.3");
        }
    }

    @Test
    void anUpstreamBlockNameIsTheDefaultTlsName() throws Exception {
        try (FakeUpstream a = FakeUpstream.startTls("a", HEALTHY, certs.server());
             TestServer s = proxy("upstream localhost { server 127.0.0.1:" + a.port() + "; }",
                     "location / { proxy_ssl_server_name on; proxy_ssl_verify on; proxy_ssl_trusted_certificate "
                             + certs.caPem() + "; proxy_pass https://localhost; }")) {
            assertThat(s.get("/x").bodyText()).isEqualTo("from a");
            assertThat(a.requests().getFirst()).contains("\r\nHost: localhost\r\n");
            assertThat(a.handshakes()).containsExactly("sni=localhost TLSv1.3");
        }
    }
}
