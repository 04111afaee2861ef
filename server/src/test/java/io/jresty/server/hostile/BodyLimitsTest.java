package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies past client_max_body_size (10 bytes here) and malformed chunked bodies. */
class BodyLimitsTest {
    private static final String POST = "POST /body HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(HostileConf.conf());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        RawHttp.Response r = server.request(POST + "Transfer-Encoding: chunked\r\n\r\n"
                + "5\r\nabcde\r\n5\r\nfghij\r\n0\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("got 10\n");
    }

    @Test
    void chunkedBodyPastTheLimitIs413() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port())) {
            RawHttp.Response r = server.request(POST + "Transfer-Encoding: chunked\r\n\r\n"
                    + "8\r\nabcdefgh\r\n8\r\nabcdefgh\r\n0\r\n\r\n");
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.bodyText()).contains("<title>413 Request Entity Too Large</title>");
            bystander.stillServed();
        }
    }

    @Test
    void chunkedBodyThatNeverEndsIsAnswered413OncePastTheLimit() throws Exception {
        // no last chunk: the answer comes as soon as the limit is passed, not at the body's end
        RawHttp.Response r = server.request(POST + "Transfer-Encoding: chunked\r\n\r\n"
                + "4\r\nabcd\r\n4\r\nabcd\r\n4\r\nabcd\r\n");
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void contentLengthPastTheLimitIs413() throws Exception {
        RawHttp.Response r = server.request(POST + "Content-Length: 20\r\n\r\n" + "a".repeat(20));
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void malformedChunkedBodyIs400() throws Exception {
        // nginx answers 400 and closes the connection after it; the bystander is not disturbed
        try (Bystander bystander = Bystander.arrive(server.port())) {
            for (String body : new String[] {"zz\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
                    "3\r\nabcX\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\nbroken trailer\rX"}) {
                RawHttp.Response r = server.request(POST.replace("Connection: close\r\n", "")
                        + "Transfer-Encoding: chunked\r\n\r\n" + body);
                assertThat(r.status()).as(body).isEqualTo(400);
                assertThat(r.header("Connection")).as(body).isEqualToIgnoringCase("close");
                assertThat(r.bodyText()).as(body).contains("<title>400 Bad Request</title>");
            }
            bystander.stillServed();
        }
        assertThat(server.errorLog()).contains("client sent invalid chunked body")
                .doesNotContain("lua entry thread aborted");
    }

    @Test
    void chunkedBodyKeepsTheConnectionForTheNextRequest() throws Exception {
        // extensions, a bare LF and a trailer are valid; the pipelined GET after the body is served
        String both = "POST /body HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;name=value\r\nabc\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n"
                + "GET /body HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(both.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            RawHttp.Response first = RawHttp.read(in, false);
            RawHttp.Response second = RawHttp.read(in, false);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).isEqualTo("got 5\n");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.bodyText()).isEqualTo("got 0\n");
        }
    }

    @Test
    void chunkedBodyArrivingInPiecesIsRead() throws Exception {
        String[] pieces = {"POST /body HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n4",
            "\r", "\nab", "cd\r", "\n", "2\r\nef", "\r\n0\r", "\n\r", "\n"};
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            for (String piece : pieces) {
                out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(20);
            }
            RawHttp.Response r = RawHttp.read(s.getInputStream(), false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("got 6\n");
            assertThat(r.header("Connection")).isNotEqualToIgnoringCase("close");
        }
    }
}
