package io.jresty.ngx.socket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The read patterns of receive() and receiveany(): a line ("*l", carriage returns
 * dropped as lua-nginx-module drops them), n bytes, everything up to the peer's close
 * ("*a"), or whatever arrives first. Blocking: run them with the worker's lock released.
 */
final class Receiving {
    private Receiving() {}

    static Received line(TcpConnection c, long timeoutMs) {
        InboundBuffer b = c.buffer;
        while (true) {
            int nl = b.indexOf((byte) '\n');
            if (nl >= 0) {
                byte[] raw = b.take(nl + 1);
                return Received.data(withoutCarriageReturns(raw, raw.length - 1));
            }
            String error = fill(c, timeoutMs);
            if (error != null) {
                byte[] rest = b.take(b.size());
                return Received.failed(error, withoutCarriageReturns(rest, rest.length));
            }
        }
    }

    static Received bytes(TcpConnection c, int n, long timeoutMs) {
        InboundBuffer b = c.buffer;
        while (b.size() < n) {
            String error = fill(c, timeoutMs);
            if (error != null) {
                return Received.failed(error, b.take(b.size()));
            }
        }
        return Received.data(b.take(n));
    }

    static Received all(TcpConnection c, long timeoutMs) {
        InboundBuffer b = c.buffer;
        while (true) {
            String error = fill(c, timeoutMs);
            if ("closed".equals(error)) {
                return Received.data(b.take(b.size()));
            }
            if (error != null) {
                return Received.failed(error, b.take(b.size()));
            }
        }
    }

    static Received any(TcpConnection c, int max, long timeoutMs) {
        InboundBuffer b = c.buffer;
        if (b.size() == 0) {
            String error = fill(c, timeoutMs);
            if (error != null) {
                return Received.failed(error, null);
            }
        }
        return Received.data(b.take(Math.min(max, b.size())));
    }

    /** One read into the buffer; the error word, or null when bytes came. */
    static String fill(TcpConnection c, long timeoutMs) {
        try {
            return c.fill(timeoutMs) < 0 ? "closed" : null;
        } catch (IOException e) {
            return SocketErrors.of(e);
        }
    }

    private static byte[] withoutCarriageReturns(byte[] raw, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 0; i < length; i++) {
            if (raw[i] != '\r') {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }
}
