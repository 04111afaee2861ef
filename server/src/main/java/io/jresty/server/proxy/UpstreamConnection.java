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
    private int served;

    private UpstreamConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** A plain connection. */
    static UpstreamConnection open(InetSocketAddress address, long connectTimeout) throws IOException {
        Socket s = connect(address, connectTimeout);
        return new UpstreamConnection(s);
    }

    /** A connection with its TLS handshake done; a failed handshake throws {@link TlsHandshakeException}. */
    static UpstreamConnection open(InetSocketAddress address, long connectTimeout, UpstreamTls tls)
            throws IOException {
        Socket s = connect(address, connectTimeout);
        try {
            return new UpstreamConnection(tls.handshake(s, connectTimeout));
        } catch (IOException e) {
            s.close();
            throw new TlsHandshakeException(e);
        }
    }

    private static Socket connect(InetSocketAddress address, long connectTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout)));
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** The TCP connection was made but TLS was not (the cause tells why). */
    static final class TlsHandshakeException extends IOException {
        TlsHandshakeException(IOException cause) {
            super(cause.getMessage(), cause);
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

    /** The connection finished a request and waits for the next. */
    void idle(long now) {
        idleSince = now;
        served++;
    }

    /** Requests this connection has carried. */
    int served() {
        return served;
    }

    long idleSince() {
        return idleSince;
    }

    /** A pooled connection the peer closed while idle shows data or EOF before any request. */
    boolean looksAlive() {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return false;
        }
        if (socket instanceof javax.net.ssl.SSLSocket) {
            // available() on TLS counts decrypted bytes only: a close_notify or FIN shows up at the next read,
            // where Attempt retries on a fresh connection as for a plain one
            return true;
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
