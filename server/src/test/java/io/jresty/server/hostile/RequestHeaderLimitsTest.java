package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request lines and headers nginx refuses before any phase runs (large_client_header_buffers
 * 4 8k by default), with the status and page nginx 1.22 answers; a bystander stays served.
 */
class RequestHeaderLimitsTest {
    private static final String END = "Host: localhost\r\nConnection: close\r\n\r\n";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(HostileConf.conf());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A request line of exactly total bytes with its CRLF. */
    private static String requestLine(int total) {
        return "GET /ok?" + "a".repeat(total - "GET /ok? HTTP/1.1\r\n".length()) + " HTTP/1.1\r\n";
    }

    /** A header line of exactly total bytes with its CRLF. */
    private static String headerLine(String name, int total) {
        return name + ": " + "a".repeat(total - name.length() - 4) + "\r\n";
    }

    @Test
    void requestLineFillingOneBufferIsServedOneByteMoreIs414() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port())) {
            assertThat(server.request(requestLine(8192) + END).status()).isEqualTo(200);
            RawHttp.Response refused = server.request(requestLine(8193) + END);
            assertThat(refused.status()).isEqualTo(414);
            assertThat(refused.bodyText()).contains("<title>414 Request-URI Too Large</title>");
            assertThat(refused.header("Connection")).isEqualTo("close");
            bystander.stillServed();
        }
        assertThat(server.errorLog()).contains("client sent too long URI while reading client request line");
    }

    @Test
    void headerLineFillingOneBufferIsServedOneByteMoreIs400TooLarge() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port())) {
            String line = "GET /ok HTTP/1.1\r\n";
            assertThat(server.request(line + headerLine("X-Big", 8192) + END).status()).isEqualTo(200);
            RawHttp.Response refused = server.request(line + headerLine("X-Big", 8193) + END);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.bodyText()).contains("<title>400 Request Header Or Cookie Too Large</title>")
                    .contains("<center>Request Header Or Cookie Too Large</center>");
            bystander.stillServed();
        }
        assertThat(server.errorLog()).contains("client sent too long header line: \"X-Big...\"");
    }

    @Test
    void headerIsRefusedWhenItNeedsMoreBuffersThanThereAre() throws Exception {
        // as nginx packs lines: four lines of 8000 bytes take the four 8k buffers, five of 7000 need five
        StringBuilder four = new StringBuilder("GET /ok HTTP/1.1\r\n");
        StringBuilder five = new StringBuilder("GET /ok HTTP/1.1\r\n");
        for (int i = 0; i < 5; i++) {
            if (i < 4) {
                four.append(headerLine("X-" + i, 8000));
            }
            five.append(headerLine("X-" + i, 7000));
        }
        try (Bystander bystander = Bystander.arrive(server.port())) {
            assertThat(server.request(four + END).status()).isEqualTo(200);
            RawHttp.Response refused = server.request(five + END);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.bodyText()).contains("Request Header Or Cookie Too Large");
            bystander.stillServed();
        }
    }

    @Test
    void moreThanAThousandHeaderLinesIs400() throws Exception {
        // 998 + Host + Connection = 1000 lines: nginx's most
        StringBuilder most = new StringBuilder("GET /ok HTTP/1.1\r\n");
        for (int i = 0; i < 998; i++) {
            most.append(String.format("X-%04d: a\r\n", i));
        }
        assertThat(server.request(most + END).status()).isEqualTo(200);
        RawHttp.Response refused = server.request(most + "X-One-More: a\r\n" + END);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("Request Header Or Cookie Too Large");
        assertThat(server.errorLog()).contains("client sent too many header lines");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // Undertow's parser refuses this one itself, with a bare 400 and no log line
            "G@T /ok HTTP/1.1     | 400 | ",
            "get /ok HTTP/1.1     | 400 | client sent invalid method",
            "GET ok HTTP/1.1      | 400 | client sent invalid request",
            "GET /ok HTTX/1.1     | 400 | client sent invalid request",
            "GET /ok HTTP/0.9     | 400 | client sent invalid request",
            "GET /ok HTTP/01.1    | 400 | client sent invalid request",
            "GET /ok HTTP/1.1000  | 400 | client sent invalid request",
            "GET /ok HTTP/3.1     | 505 | client sent invalid version",
            "GET /ok HTTP/1000.1  | 505 | client sent invalid version",
            "GET /ok HTTP/1.9     | 200 | ",
            "FOO /ok HTTP/1.1     | 200 | ",
            "A_-B /ok HTTP/1.1    | 200 | ",
            "GET http://localhost/ok HTTP/1.1 | 200 | "})
    void requestLineAsNginxJudgesIt(String line, int status, String logged) throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port())) {
            RawHttp.Response r = server.request(line.strip() + "\r\n" + END);
            assertThat(r.status()).isEqualTo(status);
            if (status == 200) {
                assertThat(r.bodyText()).isEqualTo("ok\n");
            } else {
                assertThat(r.header("Connection")).isEqualTo("close");
                if (logged != null) {
                    assertThat(server.errorLog()).contains(logged);
                }
            }
            bystander.stillServed();
        }
    }

    @Test
    void http1xAboveOneIsAnsweredAsHttp11() throws Exception {
        byte[] raw = ("GET /ok HTTP/1.9\r\n" + END).getBytes(StandardCharsets.ISO_8859_1);
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(raw);
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertThat(head).isEqualTo("HTTP/1.1 200");
        }
    }

    @Test
    void unknownTransferEncodingIs501() throws Exception {
        try (Bystander bystander = Bystander.arrive(server.port())) {
            RawHttp.Response r = server.request("POST /body HTTP/1.1\r\nTransfer-Encoding: gzip\r\n" + END);
            assertThat(r.status()).isEqualTo(501);
            assertThat(r.bodyText()).contains("<title>501 Not Implemented</title>");
            bystander.stillServed();
        }
        assertThat(server.errorLog()).contains("client sent unknown \"Transfer-Encoding\": \"gzip\"");
    }
}
