package io.jresty.ngx.socket;

/**
 * The iterator receiveuntil() returns: each call reads up to the next occurrence of the
 * pattern. With a size, it hands out the data before the pattern at most size bytes at a
 * time, then one nil once the pattern was passed, as lua-nginx-module does.
 */
final class UntilReader {
    /** Returned when a sized read has passed the pattern: the iterator gives nil, nil. */
    static final Received DONE = new Received(null, null, null);

    private final byte[] pattern;
    private final boolean inclusive;
    /** A sized read consumed the pattern: the next call returns nil and starts over. */
    private boolean passed;

    UntilReader(byte[] pattern, boolean inclusive) {
        this.pattern = pattern;
        this.inclusive = inclusive;
    }

    /** Blocking: run it with the worker's lock released. size 0 reads the whole part. */
    Received next(TcpConnection c, int size, long timeoutMs) {
        if (size > 0 && passed) {
            passed = false;
            return DONE;
        }
        InboundBuffer b = c.buffer;
        int scanned = 0;
        while (true) {
            int at = b.indexOf(pattern, scanned);
            if (at >= 0 && (size == 0 || at < size)) {
                byte[] data = b.take(inclusive ? at + pattern.length : at);
                if (!inclusive) {
                    b.skip(pattern.length);
                }
                passed = size > 0;
                return Received.data(data);
            }
            if (size > 0 && (at >= 0 || b.size() - pendingPrefix(b) >= size)) {
                return Received.data(b.take(size));
            }
            scanned = Math.max(0, b.size() - pattern.length + 1);
            String error = Receiving.fill(c, timeoutMs);
            if (error != null) {
                // the bytes that may start the pattern are held back, and lost, as in nginx's matcher
                byte[] partial = b.take(b.size() - pendingPrefix(b));
                b.skip(b.size());
                return Received.failed(error, partial);
            }
        }
    }

    /** How many bytes at the buffer's end could be the start of the pattern. */
    private int pendingPrefix(InboundBuffer b) {
        int n = b.size();
        for (int k = Math.min(pattern.length - 1, n); k > 0; k--) {
            boolean match = true;
            for (int j = 0; j < k && match; j++) {
                match = b.at(n - k + j) == pattern[j];
            }
            if (match) {
                return k;
            }
        }
        return 0;
    }
}
