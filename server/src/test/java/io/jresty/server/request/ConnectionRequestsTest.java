package io.jresty.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** $connection_requests counts the requests of one keepalive connection, and $connection names it. */
class ConnectionRequestsTest {
    private static final String CONF = TestServer.serverConf(null, null, """
            location /t {
                content_by_lua_block {
                    ngx.print(ngx.var.connection, " ", ngx.var.connection_requests)
                }
            }
            """);

    @Test
    void countsPerConnection() throws Exception {
        try (TestServer server = TestServer.start(CONF)) {
            String[] first = onOneConnection(server.port(), 3);
            String[] second = onOneConnection(server.port(), 1);
            assertThat(first).extracting(s -> s.split(" ")[1]).containsExactly("1", "2", "3");
            assertThat(first).extracting(s -> s.split(" ")[0]).containsOnly(first[0].split(" ")[0]);
            assertThat(second[0].split(" ")[1]).isEqualTo("1");
            assertThat(second[0].split(" ")[0]).isNotEqualTo(first[0].split(" ")[0]);
        }
    }

    private static String[] onOneConnection(int port, int requests) throws Exception {
        String[] bodies = new String[requests];
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < requests; i++) {
                out.write("GET /t HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                bodies[i] = RawHttp.read(in, false).bodyText();
            }
        }
        return bodies;
    }
}
