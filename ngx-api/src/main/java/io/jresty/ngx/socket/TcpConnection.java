package io.jresty.ngx.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One connected stream socket (TCP or unix) with its read-ahead buffer: what a cosocket
 * holds while connected and what a keepalive pool keeps while idle. Blocking calls are
 * made with the worker's lock released; one request uses it at a time.
 */
final class TcpConnection implements AutoCloseable {
    private final SocketChannel channel;
    /** The channel's socket adaptor (reads with timeouts), or the TLS socket over it; null for unix. */
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    final InboundBuffer buffer = new InboundBuffer();
    /** The pool key setkeepalive files it under. */
    final String poolKey;
    private int reusedTimes;
    private boolean tls;
    /** The backlog-limited pool that counts this connection, or null. */
    SocketPool countedIn;

    private TcpConnection(SocketChannel channel, String poolKey) throws IOException {
        this.channel = channel;
        this.poolKey = poolKey;
        if (channel.getRemoteAddress() instanceof UnixDomainSocketAddress) {
            in = Channels.newInputStream(channel);
            out = Channels.newOutputStream(channel);
        } else {
            socket = channel.socket();
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
    }

    /** Connects (blocking) within timeoutMs; unix sockets connect at once or fail. */
    static TcpConnection open(SocketAddress address, long timeoutMs, String poolKey) throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                unix.connect(address);
            } catch (IOException e) {
                unix.close();
                throw e;
            }
            return new TcpConnection(unix, poolKey);
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(address, millis(timeoutMs));
            channel.socket().setTcpNoDelay(true);
            return new TcpConnection(channel, poolKey);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static int millis(long ms) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, ms));
    }

    /** Reads more into the buffer, waiting up to timeoutMs; -1 when the peer closed. */
    int fill(long timeoutMs) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(millis(timeoutMs));
        }
        return buffer.fill(in);
    }

    /**
     * Writes all of data. A plain TCP write first goes out without blocking (the usual case:
     * the kernel takes it all); only a peer that does not read makes it wait, and then no
     * longer than timeoutMs, after which the connection is closed as nginx closes it.
     */
    void write(byte[] data, long timeoutMs) throws IOException {
        if (tls || socket == null) {
            out.write(data);
            out.flush();
            return;
        }
        ByteBuffer rest = ByteBuffer.wrap(data);
        channel.configureBlocking(false);
        try {
            channel.write(rest);
        } finally {
            channel.configureBlocking(true);
        }
        if (!rest.hasRemaining()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Math.max(1, timeoutMs));
                expired.set(true);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // the write finished first
            }
        });
        try {
            out.write(data, rest.position(), rest.remaining());
            out.flush();
        } catch (IOException e) {
            throw expired.get() ? new java.net.SocketTimeoutException("write timed out") : e;
        } finally {
            watchdog.interrupt();
        }
    }

    int reusedTimes() {
        return reusedTimes;
    }

    void reused() {
        reusedTimes++;
    }

    boolean isTls() {
        return tls;
    }

    Socket socket() {
        return socket;
    }

    /** Switches reads and writes to a TLS socket layered over this connection. */
    void upgrade(Socket tlsSocket) throws IOException {
        this.socket = tlsSocket;
        this.in = tlsSocket.getInputStream();
        this.out = tlsSocket.getOutputStream();
        this.tls = true;
    }

    /**
     * Whether an idle pooled connection is still usable: nginx closes idle connections
     * when the peer closes them or sends anything, so a check without blocking does the same.
     */
    boolean stillIdle() {
        if (!channel.isOpen()) {
            return false;
        }
        if (tls) {
            return true;  // a raw read would eat TLS records; the next call reports a dead peer
        }
        try {
            channel.configureBlocking(false);
            int n = channel.read(ByteBuffer.allocate(1));
            channel.configureBlocking(true);
            return n == 0;
        } catch (IOException e) {
            return false;
        }
    }

    void setOption(String name, boolean on) throws IOException {
        if (socket == null) {
            return;
        }
        switch (name) {
            case "keepalive" -> socket.setKeepAlive(on);
            case "tcp-nodelay" -> socket.setTcpNoDelay(on);
            case "reuseaddr" -> socket.setReuseAddress(on);
            default -> { }
        }
    }

    @Override
    public void close() {
        try {
            if (tls && socket != null) {
                socket.close();
            }
            channel.close();
        } catch (IOException e) {
            // closing is best effort, as nginx's ngx_close_connection
        }
        SocketPool pool = countedIn;
        countedIn = null;
        if (pool != null) {
            pool.released();
        }
    }
}
