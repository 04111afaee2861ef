package io.jresty.server.proxy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * One TCP connection to a peer, used by one request at a time with blocking I/O (the request's
 * virtual thread parks in the socket calls, not a platform thread).
 */
final class UpstreamConnection implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long idleSince;

    private UpstreamConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    static UpstreamConnection open(InetSocketAddress address, long connectTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout)));
            return new UpstreamConnection(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    void readTimeout(long millis) throws SocketException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, millis)));
    }

    void idle(long now) {
        idleSince = now;
    }

    long idleSince() {
        return idleSince;
    }

    /** A pooled connection the peer closed while idle shows data or EOF before any request. */
    boolean looksAlive() {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return false;
        }
        try {
            return in.available() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken connection: nothing left to do
        }
    }
}
