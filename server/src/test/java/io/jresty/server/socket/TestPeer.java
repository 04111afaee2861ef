package io.jresty.server.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback TCP server that runs one handler per accepted connection, for cosocket tests. */
final class TestPeer implements AutoCloseable {
    /** What the peer does with one connection; the socket is closed afterwards. */
    @FunctionalInterface
    interface Handler {
        void handle(Socket s) throws Exception;
    }

    private final ServerSocket server;

    private TestPeer(ServerSocket server, Handler handler) {
        this.server = server;
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            handler.handle(s);
                        } catch (Exception e) {
                            // the test sees the effect on the Lua side
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    static TestPeer start(Handler handler) throws IOException {
        return new TestPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
    }

    static TestPeer start(ServerSocket server, Handler handler) {
        return new TestPeer(server, handler);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
