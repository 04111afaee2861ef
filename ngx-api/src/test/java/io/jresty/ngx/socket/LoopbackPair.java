package io.jresty.ngx.socket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A connected TcpConnection and the peer's end of it, over loopback. */
final class LoopbackPair implements AutoCloseable {
    final TcpConnection connection;
    final Socket peer;
    private final ServerSocket server;

    LoopbackPair(String poolKey) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        connection = TcpConnection.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                1000, poolKey);
        peer = server.accept();
    }

    /** Sends the pieces one by one from another thread, so reads see them split. */
    void sendInPieces(String... pieces) {
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = peer.getOutputStream();
                for (String p : pieces) {
                    out.write(p.getBytes());
                    out.flush();
                    Thread.sleep(5);
                }
                peer.shutdownOutput();
            } catch (Exception e) {
                // the reader sees "closed"
            }
        });
    }

    @Override
    public void close() throws IOException {
        connection.close();
        peer.close();
        server.close();
    }
}
