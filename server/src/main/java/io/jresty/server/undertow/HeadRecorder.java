package io.jresty.server.undertow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Keeps the bytes of a connection's next request head as they come off the socket, for
 * ngx.req.raw_header: Undertow's parser keeps neither the order nor the case of header
 * names. It records from the end of one request (plus what was read past it) until Undertow
 * has parsed the next head, never a body, and at most {@code cap} bytes. Reads of a
 * connection never overlap, but they happen on the I/O thread and on request threads (a
 * blocking body read), hence the lock.
 */
final class HeadRecorder extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private final int cap;
    private final ByteArrayOutputStream window = new ByteArrayOutputStream();
    private boolean armed = true;
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
        if (n > 0) {
            n = skipEmptyLines(dst, start, n);
            record(dst, start, n);
        }
        return n;
    }

    /**
     * nginx ignores empty lines before a request line, Undertow's parser refuses them: they
     * are taken out of the bytes read before the parser sees them. Returns the bytes left.
     */
    private synchronized int skipEmptyLines(ByteBuffer dst, int start, int n) {
        if (!armed || headStarted) {
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

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
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

    private synchronized void record(ByteBuffer buffer, int from, int length) {
        if (!armed || overflow) {
            return;
        }
        if (window.size() + length > cap) {
            overflow = true;
            return;
        }
        ByteBuffer view = buffer.duplicate();
        view.position(from).limit(from + length);
        byte[] bytes = new byte[length];
        view.get(bytes);
        window.writeBytes(bytes);
    }

    /**
     * The head Undertow has just parsed: what was recorded, less the {@code unread} bytes it
     * read past the head (a body's start, a pipelined request), less the empty lines nginx
     * skips before a request line. Null when the head did not fit. Stops recording until
     * {@link #rearm}.
     */
    synchronized byte[] takeHead(int unread) {
        byte[] data = window.toByteArray();
        boolean complete = !overflow;
        window.reset();
        armed = false;
        overflow = false;
        int end = data.length - unread;
        if (!complete || end <= 0) {
            return null;
        }
        int start = 0;
        while (start < end && (data[start] == '\r' || data[start] == '\n')) {
            start++;
        }
        byte[] head = new byte[end - start];
        System.arraycopy(data, start, head, 0, head.length);
        return head;
    }

    /** A request ended: the next head starts with what was read past it ({@code ahead}, may be null). */
    synchronized void rearm(ByteBuffer ahead) {
        window.reset();
        overflow = false;
        armed = true;
        headStarted = ahead != null && ahead.hasRemaining();
        if (headStarted) {
            ByteBuffer view = ahead.duplicate();
            record(view, view.position(), view.remaining());
        }
    }
}
