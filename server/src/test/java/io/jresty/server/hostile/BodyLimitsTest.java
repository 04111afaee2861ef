package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
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
    void malformedChunkSizeClosesTheConnection() throws Exception {
        // nginx answers 400 and closes; Undertow closes the connection inside its chunk parser,
        // before jresty could answer: the client sees the close without a status
        try (Bystander bystander = Bystander.arrive(server.port())) {
            for (String body : new String[] {"zz\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n"}) {
                RawHttp.Response r = server.request(POST + "Transfer-Encoding: chunked\r\n\r\n" + body);
                assertThat(r.status()).as(body).isIn(0, 400);
            }
            bystander.stillServed();
        }
        assertThat(server.errorLog()).doesNotContain("lua entry thread aborted");
    }
}
