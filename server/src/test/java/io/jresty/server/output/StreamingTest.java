package io.jresty.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ngx.flush really sends: the client sees the flushed part while the handler is still
 * waiting (here for the rest of the request body, which the client sends only after).
 */
class StreamingTest {
    private static final String CONF = TestServer.serverConf(null, null, """
            location /t {
                content_by_lua_block {
                    ngx.say("before flush")
                    ngx.flush(true)
                    ngx.req.read_body()
                    ngx.say("body: ", ngx.req.get_body_data())
                }
            }
            """);

    @Test
    void flushedOutputArrivesBeforeTheHandlerEnds() throws Exception {
        try (TestServer server = TestServer.start(CONF); Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /t HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readUntil(in, "before flush\n");
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            out.write("hello".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(rest).contains("body: hello\n").endsWith("0\r\n\r\n");
        }
    }

    @Test
    void aLargeBodyIsStreamedWithoutContentLength() throws Exception {
        String conf = TestServer.serverConf(null, null, """
                location /t {
                    content_by_lua_block {
                        local line = string.rep("y", 1023) .. "\\n"
                        for i = 1, 300 do ngx.print(line) end
                    }
                }
                """);
        try (TestServer server = TestServer.start(conf)) {
            var response = server.get("/t");
            assertThat(response.header("Content-Length")).isNull();
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(response.body()).hasSize(300 * 1024);
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            seen.write(c);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }
}
