package io.jresty.server.undertow;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.undertow.conduits.ChunkedStreamSourceConduit;
import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A chunked request body decoded by nginx's rules in place of Undertow's decoder, which closes
 * the connection on a malformed chunk before anything could answer: here a malformed chunk is
 * an {@link InvalidChunkedBody} with the connection still open, so the request ends with 400
 * as in nginx. Bytes read past the last chunk go back to the connection for the next request.
 */
final class ChunkedRequestBody extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private final HttpServerExchange exchange;
    private final HttpServerConnection connection;
    private final ErrorLog log;
    private final ChunkedFraming framing = new ChunkedFraming();
    private boolean failed;

    private ChunkedRequestBody(StreamSourceConduit next, HttpServerExchange exchange, HttpServerConnection connection,
            ErrorLog log) {
        super(next);
        this.exchange = exchange;
        this.connection = connection;
        this.log = log;
    }

    /**
     * Puts this decoder where Undertow has just put its own, for a chunked request only (on the
     * I/O thread, before anything reads the body); other requests are left as they are.
     */
    static void install(HttpServerExchange ex, ErrorLog log) {
        if (!(ex.getConnection() instanceof HttpServerConnection c)) {
            return;
        }
        ConduitStreamSourceChannel source = c.getChannel().getSourceChannel();
        if (source.getConduit() instanceof ChunkedStreamSourceConduit) {
            // the same chain Undertow built under its decoder: pushed-back bytes first, then the socket
            StreamSourceConduit below = new ReadDataStreamSourceConduit(c.getOriginalSourceConduit(), c);
            source.setConduit(new ChunkedRequestBody(below, ex, c, log));
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (framing.done()) {
            return -1;
        }
        if (failed) {
            throw new InvalidChunkedBody();
        }
        int copied = 0;
        while (dst.hasRemaining() && !framing.done()) {
            PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
            ByteBuffer raw = pooled.getBuffer();
            boolean kept = false;
            try {
                int n = next.read(raw);
                if (n == -1) {
                    if (copied > 0) {
                        return copied;
                    }
                    exchange.setPersistent(false);
                    throw new ClosedChannelException();
                }
                if (n == 0) {
                    break;
                }
                raw.flip();
                copied += decode(raw, dst);
                if (raw.hasRemaining()) {
                    // the next request's bytes, or body bytes that did not fit into dst
                    connection.ungetRequestBytes(pooled);
                    kept = true;
                    break;
                }
            } finally {
                if (!kept) {
                    pooled.close();
                }
            }
        }
        if (framing.done()) {
            Connectors.terminateRequest(exchange);
            return copied > 0 ? copied : -1;
        }
        return copied;
    }

    private int decode(ByteBuffer raw, ByteBuffer dst) throws InvalidChunkedBody {
        try {
            return framing.decode(raw, dst);
        } catch (InvalidChunkedBody e) {
            failed = true;
            // the rest of the stream cannot be framed: no next request can be found on it
            exchange.setPersistent(false);
            log.log(LogLevel.ERR, "client sent invalid chunked body, client: "
                    + exchange.getSourceAddress().getAddress().getHostAddress());
            throw e;
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        for (int i = offs; i < offs + len; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    // transfers go through read: the delegate's own transfer would skip the decoding

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }

    @Override
    public void terminateReads() throws IOException {
        if (!framing.done()) {
            // the body's end was never read: the connection cannot carry another request
            exchange.setPersistent(false);
            super.terminateReads();
        }
    }

    /** A chunk size, chunk end or trailer nginx would refuse ("client sent invalid chunked body"). */
    static final class InvalidChunkedBody extends IOException {
        InvalidChunkedBody() {
            super("client sent invalid chunked body");
        }
    }
}
