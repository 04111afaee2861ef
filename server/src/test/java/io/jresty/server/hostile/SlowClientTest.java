package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that stall: nginx closes them, without an answer, once client_header_timeout,
 * client_body_timeout, send_timeout or keepalive_timeout passes (here 1s, 1s, 1s, 3s), and
 * serves everyone else meanwhile.
 */
class SlowClientTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(HostileConf.conf());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** Milliseconds until the server closes s, asserting it sent nothing before. */
    private static long millisUntilClosedSilently(Socket s, long since) throws IOException {
        int first = s.getInputStream().read();
        assertThat(first).as("the server closes without an answer").isEqualTo(-1);
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    void halfARequestLineIsClosedAfterClientHeaderTimeout() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = connect()) {
            long since = System.nanoTime();
            send(slow, "GET /ok HT");
            bystander.stillServed();
            assertThat(millisUntilClosedSilently(slow, since)).isBetween(800L, 3_000L);
            bystander.stillServed();
        }
    }

    @Test
    void headersThatNeverEndAreClosedAfterClientHeaderTimeout() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = connect()) {
            long since = System.nanoTime();
            send(slow, "GET /ok HTTP/1.1\r\nHost: localhost\r\n");
            bystander.stillServed();
            assertThat(millisUntilClosedSilently(slow, since)).isBetween(800L, 3_000L);
        }
    }

    @Test
    void aBodyThatStallsIsClosedAfterClientBodyTimeout() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = connect()) {
            long since = System.nanoTime();
            send(slow, "POST /body HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nab");
            bystander.stillServed();
            assertThat(millisUntilClosedSilently(slow, since)).isBetween(800L, 3_000L);
            bystander.stillServed();
        }
    }

    @Test
    void aBodyThatStallsDoesNotHoldUpTheWorkersOtherRequests() throws Exception {
        // one worker: while its handler waits for the body, the worker serves other requests
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = connect()) {
            send(slow, "POST /body HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nab");
            Thread.sleep(300);
            long since = System.nanoTime();
            bystander.servedOnItsConnection();
            long waited = (System.nanoTime() - since) / 1_000_000;
            assertThat(waited).as("ms the bystander waited; the stalled body has 700 left").isLessThan(400L);
            assertThat(slow.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aChunkedBodyThatStallsIsClosedAfterClientBodyTimeout() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = connect()) {
            long since = System.nanoTime();
            send(slow, "POST /body HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
            assertThat(millisUntilClosedSilently(slow, since)).isBetween(800L, 3_000L);
            bystander.stillServed();
        }
    }

    @Test
    void aBodySentSlowlyButSteadilyIsRead() throws Exception {
        // client_body_timeout counts between two reads, not for the whole body
        try (Socket s = connect()) {
            send(s, "POST /body HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 3\r\n\r\n");
            for (int i = 0; i < 3; i++) {
                Thread.sleep(600);
                send(s, "x");
            }
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("got 3\n");
        }
    }

    @Test
    void aResponseLeftUnreadIsCutAfterSendTimeout() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port()); Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            slow.setSoTimeout(10_000);
            send(slow, "GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Thread.sleep(2_500);
            bystander.stillServed();
            long received = drain(slow.getInputStream());
            assertThat(received).as("bytes before the server gave up").isLessThan(8L * 1024 * 1024);
        }
    }

    @Test
    void aSlowButSteadyReaderGetsTheWholeResponse() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[256 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                Thread.sleep(20);
            }
            assertThat(total).isGreaterThan(8L * 1024 * 1024);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterKeepaliveTimeout() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /ok HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(io.jresty.server.testing.RawHttp.read(s.getInputStream(), false).status()).isEqualTo(200);
            long since = System.nanoTime();
            // keepalive_timeout (3s), not the 1s client timeouts
            assertThat(millisUntilClosedSilently(s, since)).isBetween(2_500L, 5_000L);
        }
    }

    private static long drain(InputStream in) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            // a reset after the server closed: what arrived before counts
        }
        return total;
    }
}
