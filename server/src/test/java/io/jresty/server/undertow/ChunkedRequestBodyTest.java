package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Large chunked bodies through jresty's own decoder: every byte arrives, in order, keep-alive intact. */
class ChunkedRequestBodyTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestServer.serverConf("", "client_max_body_size 0; client_body_buffer_size 8m;", """
                location /md5 {
                    content_by_lua_block {
                        ngx.req.read_body()
                        local data = ngx.req.get_body_data() or ""
                        ngx.say(#data, " ", ngx.md5(data))
                    }
                }
                """));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void largeBodyInUnevenChunksArrivesWholeTwiceOnOneConnection() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int round = 0; round < 2; round++) {
                out.write(("POST /md5 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                int size = 1;
                for (int at = 0; at < body.length; at += size, size = size * 3 + 1) {
                    int n = Math.min(size, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                RawHttp.Response r = RawHttp.read(in, false);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).isEqualTo(body.length + " " + md5 + "\n");
            }
        }
    }
}
