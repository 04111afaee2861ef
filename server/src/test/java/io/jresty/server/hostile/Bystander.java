package io.jresty.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A well-behaved client on its own keep-alive connection, opened before a hostile one acts:
 * it must still be served on that connection, and a fresh connection must be served too.
 */
final class Bystander implements AutoCloseable {
    private static final byte[] REQUEST = "GET /ok HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final int port;
    private final Socket socket;

    private Bystander(int port, Socket socket) {
        this.port = port;
        this.socket = socket;
    }

    /** Connects and is served once, so the connection is an established keep-alive one. */
    static Bystander arrive(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5_000);
        Bystander b = new Bystander(port, s);
        b.servedOnItsConnection();
        return b;
    }

    /** One more request on the bystander's connection is answered "ok". */
    void servedOnItsConnection() throws IOException {
        socket.getOutputStream().write(REQUEST);
        RawHttp.Response r = RawHttp.read(socket.getInputStream(), false);
        assertThat(r.status()).as("the bystander's keep-alive request").isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("ok\n");
    }

    /** Both the bystander's connection and a new one are served. */
    void stillServed() throws IOException {
        servedOnItsConnection();
        RawHttp.Response fresh = RawHttp.exchange(port,
                "GET /ok HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                5_000);
        assertThat(fresh.status()).as("a new client").isEqualTo(200);
        assertThat(fresh.bodyText()).isEqualTo("ok\n");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
