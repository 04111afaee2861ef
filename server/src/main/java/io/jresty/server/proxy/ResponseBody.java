package io.jresty.server.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads an upstream response body chunk by chunk, by Content-Length, chunked framing, or up
 * to the connection's close; knows afterwards whether the connection can be kept.
 */
final class ResponseBody {
    private static final int CHUNK = 16 * 1024;

    private enum Framing { NONE, LENGTH, CHUNKED, CLOSE }

    private final InputStream in;
    private final Framing framing;
    private long remaining;
    private boolean done;

    ResponseBody(InputStream in, ResponseHead head, boolean headRequest) {
        this.in = in;
        String te = head.header("Transfer-Encoding");
        String cl = head.header("Content-Length");
        int s = head.status();
        if (headRequest || s == 204 || s == 304 || (s >= 100 && s < 200)) {
            framing = Framing.NONE;
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            framing = Framing.CHUNKED;
        } else if (cl != null) {
            framing = Framing.LENGTH;
            remaining = parseLength(cl);
        } else {
            framing = Framing.CLOSE;
        }
        done = framing == Framing.NONE || (framing == Framing.LENGTH && remaining == 0);
    }

    /** The next piece of the body, or null at its end; EOFException if the upstream stops early. */
    byte[] next() throws IOException {
        if (done) {
            return null;
        }
        switch (framing) {
            case LENGTH -> {
                byte[] b = in.readNBytes((int) Math.min(CHUNK, remaining));
                if (b.length == 0) {
                    throw new EOFException("upstream prematurely closed connection");
                }
                remaining -= b.length;
                done = remaining == 0;
                return b;
            }
            case CHUNKED -> {
                if (remaining == 0) {
                    remaining = chunkSize();
                    if (remaining == 0) {
                        while (!ResponseHead.line(in).isEmpty()) {
                            // trailers are dropped, as nginx drops them
                        }
                        done = true;
                        return null;
                    }
                }
                byte[] b = in.readNBytes((int) Math.min(CHUNK, remaining));
                if (b.length == 0) {
                    throw new EOFException("upstream prematurely closed connection");
                }
                remaining -= b.length;
                if (remaining == 0) {
                    ResponseHead.line(in);
                }
                return b;
            }
            case CLOSE -> {
                byte[] b = new byte[CHUNK];
                int n = in.read(b);
                if (n < 0) {
                    done = true;
                    return null;
                }
                return java.util.Arrays.copyOf(b, n);
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the whole body was read and the framing lets the connection carry another request. */
    boolean complete() {
        return done && framing != Framing.CLOSE;
    }

    private long chunkSize() throws IOException {
        String l = ResponseHead.line(in);
        int semi = l.indexOf(';');
        String hex = (semi < 0 ? l : l.substring(0, semi)).trim();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new ResponseHead.InvalidHeader("upstream sent invalid chunked response");
        }
    }

    private static long parseLength(String cl) {
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
