package io.jresty.server.undertow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Keeps the bytes of a connection's next request head as they come off the socket, for
 * ngx.req.raw_header: Undertow's parser keeps neither the order nor the case of header
 * names. It records from the end of one request (plus what was read past it) until Undertow
 * has parsed the next head, never a body, and at most {@code cap} bytes. Reads of one
 * connection never overlap, but they move between the I/O thread and request threads (a
 * blocking body read); Undertow's own handoffs order them, and the volatile {@code armed}
 * publishes the window when recording starts again.
 */
final class HeadRecorder extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private final int cap;
    private byte[] window = new byte[512];
    private int size;
    private volatile boolean armed = true;
    private boolean overflow;
    /** A byte other than CR or LF came since the last request: empty lines are no longer skipped. */
    private boolean headStarted;

    HeadRecorder(StreamSourceConduit next, int cap) {
        super(next);
        this.cap = cap;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = next.read(dst);
        if (n > 0 && armed) {
            n = skipEmptyLines(dst, start, n);
            record(dst, start, n);
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        if (!armed) {
            return next.read(dsts, offs, len);
        }
        int[] starts = new int[len];
        for (int i = 0; i < len; i++) {
            starts[i] = dsts[offs + i].position();
        }
        long n = next.read(dsts, offs, len);
        for (int i = 0; i < len && n > 0; i++) {
            int got = dsts[offs + i].position() - starts[i];
            if (got > 0) {
                record(dsts[offs + i], starts[i], got);
            }
        }
        return n;
    }

    /**
     * nginx ignores empty lines before a request line, Undertow's parser refuses them: they
     * are taken out of the bytes read before the parser sees them. Returns the bytes left.
     */
    private int skipEmptyLines(ByteBuffer dst, int start, int n) {
        if (headStarted) {
            return n;
        }
        int skip = 0;
        while (skip < n && (dst.get(start + skip) == '\r' || dst.get(start + skip) == '\n')) {
            skip++;
        }
        if (skip > 0) {
            for (int i = skip; i < n; i++) {
                dst.put(start + i - skip, dst.get(start + i));
            }
            dst.position(start + n - skip);
        }
        headStarted = skip < n;
        return n - skip;
    }

    private void record(ByteBuffer buffer, int from, int length) {
        if (overflow || length == 0) {
            return;
        }
        if (size + length > cap) {
            overflow = true;
            return;
        }
        if (size + length > window.length) {
            window = Arrays.copyOf(window, Math.min(cap, Math.max(window.length * 2, size + length)));
        }
        buffer.get(from, window, size, length);
        size += length;
    }

    /**
     * The head Undertow has just parsed: what was recorded, less the {@code unread} bytes it
     * read past the head (a body's start, a pipelined request), less the empty lines nginx
     * skips before a request line. Null when the head did not fit. Stops recording until
     * {@link #rearm}.
     */
    byte[] takeHead(int unread) {
        armed = false;
        int end = size - unread;
        boolean complete = !overflow;
        size = 0;
        overflow = false;
        if (!complete || end <= 0) {
            return null;
        }
        int start = 0;
        while (start < end && (window[start] == '\r' || window[start] == '\n')) {
            start++;
        }
        return Arrays.copyOfRange(window, start, end);
    }

    /** A request ended: the next head starts with what was read past it ({@code ahead}, may be null). */
    void rearm(ByteBuffer ahead) {
        size = 0;
        overflow = false;
        headStarted = ahead != null && ahead.hasRemaining();
        if (headStarted) {
            record(ahead, ahead.position(), ahead.remaining());
        }
        armed = true;
    }
}
