package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.undertow.Targets.Target;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ngx.req.raw_header on a keepalive connection: each request gets its own head, byte for byte,
 * whether the requests come one by one, pipelined in one write, or after a body. The .t cases
 * (raw_header_order.t) cover single requests; these need several requests on one socket.
 * With -Djresty.reference=true they run on nginx too.
 */
class RawHeaderTest {
    private static final String SERVER = """
            location /t {
                content_by_lua_block {
                    ngx.req.read_body()
                    ngx.print(ngx.req.raw_header())
                }
            }
            """;

    static Stream<String> targets() {
        return Targets.names();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void pipelinedRequestsEachGetTheirOwnHead(String target) throws Exception {
        String first = "GET /t?n=1 HTTP/1.1\r\nHost: localhost\r\nX-B: 1\r\nx-a: 1\r\n\r\n";
        String second = "GET /t?n=2 HTTP/1.1\r\nx-z: 2\r\nHOST: localhost\r\n\r\n";
        String third = "GET /t?n=3 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        try (Target server = Targets.start(target, null, SERVER)) {
            List<String> bodies = send(server.port(), List.of(first + second + third), 3);
            assertThat(bodies).containsExactly(first, second, third);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aHeadAfterABodyOnTheSameConnectionStartsAfterTheBody(String target) throws Exception {
        String post = "POST /t HTTP/1.1\r\nHost: localhost\r\nContent-Length: 11\r\n\r\n";
        String next = "GET /t HTTP/1.1\r\nhost: localhost\r\nX-Order: 2\r\nConnection: close\r\n\r\n";
        try (Target server = Targets.start(target, null, SERVER)) {
            List<String> bodies = send(server.port(), List.of(post + "hello world" + next), 2);
            assertThat(bodies).containsExactly(post, next);
            List<String> oneByOne = send(server.port(), List.of(post, "hello world", next), 2);
            assertThat(oneByOne).containsExactly(post, next);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void bareLineFeedsComeBackAsSent(String target) throws Exception {
        String head = "GET /t HTTP/1.1\nHost: localhost\nX-Mixed: 1\r\nConnection: close\n\n";
        try (Target server = Targets.start(target, null, SERVER)) {
            assertThat(send(server.port(), List.of(head), 1)).containsExactly(head);
        }
    }

    /** Writes the pieces one after another on one connection, then reads that many responses. */
    private static List<String> send(int port, List<String> pieces, int responses) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            for (String piece : pieces) {
                out.write(piece.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(pieces.size() > 1 ? 50 : 0);
            }
            InputStream in = s.getInputStream();
            for (int i = 0; i < responses; i++) {
                bodies.add(RawHttp.read(in, false).bodyText());
            }
        }
        return bodies;
    }
}
