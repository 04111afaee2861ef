package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * worker_connections × worker_processes bounds the open connections: the ones past it are not
 * taken in (they wait in the listen backlog) and the accepted ones are served as before.
 */
class ConnectionLimitTest {
    private static final byte[] REQUEST = "GET /ok HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static String conf() {
        return """
                worker_processes 1;
                events { worker_connections 3; }
                http {
                    keepalive_timeout 30s;
                    server {
                        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
                        location /ok { content_by_lua_block { ngx.say("ok") } }
                    }
                }
                """;
    }

    private static Socket ask(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write(REQUEST);
        return s;
    }

    private static int status(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return RawHttp.read(s.getInputStream(), false).status();
    }

    @Test
    void connectionsPastTheLimitWaitAndTheAcceptedOnesAreServed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (TestServer server = TestServer.start(conf())) {
            for (int i = 0; i < 3; i++) {
                Socket s = ask(server.port());
                held.add(s);
                assertThat(status(s, 5_000)).isEqualTo(200);
            }
            try (Socket extra = ask(server.port())) {
                boolean answered;
                try {
                    status(extra, 1_000);
                    answered = true;
                } catch (SocketTimeoutException e) {
                    answered = false;
                }
                assertThat(answered).as("a fourth connection is not taken in while three are open").isFalse();
                for (Socket s : held.subList(1, 3)) {
                    s.getOutputStream().write(REQUEST);
                    assertThat(status(s, 5_000)).as("an accepted connection").isEqualTo(200);
                }
                held.removeFirst().close();
                assertThat(status(extra, 5_000)).as("the waiting one, once a slot is free").isEqualTo(200);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
