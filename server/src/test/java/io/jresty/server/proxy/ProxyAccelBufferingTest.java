package io.jresty.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** X-Accel-Buffering from the upstream turns proxy_buffering off for its response, unless ignored. */
class ProxyAccelBufferingTest {

    /** The response head and body up to "first ", or what came before the wait ran out. */
    private static String untilFirstPart(InputStream in, int waitMillis, Socket client) throws Exception {
        client.setSoTimeout(waitMillis);
        StringBuilder seen = new StringBuilder();
        try {
            while (!seen.toString().contains("first ")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                seen.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            // nothing more before the upstream's second part
        }
        return seen.toString();
    }

    private static String exchange(String location, String upstreamHeaders, int waitMillis) throws Exception {
        try (FakeUpstream parts = FakeUpstream.start("parts", FakeUpstream.Mode.IN_TWO_PARTS);
             TestServer s = TestServer.start(TestServer.serverConf(null, "", "location / { " + location
                     + " proxy_pass http://" + parts.address() + "; }"));
             Socket client = new Socket("127.0.0.1", s.port())) {
            parts.extraHeaders = upstreamHeaders;
            client.getOutputStream().write("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = client.getInputStream();
            String early = untilFirstPart(in, waitMillis, client);
            parts.secondPart.countDown();
            client.setSoTimeout(10_000);
            return early + "|" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void xAccelBufferingNoStreamsTheResponseAndIsNotPassed() throws Exception {
        String seen = exchange("", "X-Accel-Buffering: no\r\n", 5_000);
        String early = seen.substring(0, seen.indexOf('|'));
        assertThat(early).startsWith("HTTP/1.1 200").contains("first ");
        assertThat(early.toLowerCase()).doesNotContain("x-accel-buffering");
        assertThat(seen).contains("second");
    }

    @Test
    void proxyIgnoreHeadersKeepsBufferingOn() throws Exception {
        String seen = exchange("proxy_ignore_headers X-Accel-Buffering;", "X-Accel-Buffering: no\r\n", 700);
        assertThat(seen.substring(0, seen.indexOf('|'))).isEmpty();
        assertThat(seen).contains("first ").contains("second");
    }

    @Test
    void xAccelBufferingYesBuffersDespiteProxyBufferingOff() throws Exception {
        String seen = exchange("proxy_buffering off;", "X-Accel-Buffering: yes\r\n", 700);
        assertThat(seen.substring(0, seen.indexOf('|'))).isEmpty();
        assertThat(seen).contains("first ").contains("second");
    }
}
