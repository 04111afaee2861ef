package io.jresty.server.undertow;

import io.jresty.server.undertow.ChunkedRequestBody.InvalidChunkedBody;
import java.nio.ByteBuffer;

/**
 * The chunked transfer coding of a request body, parsed by nginx's rules: a chunk size is hex
 * digits (at most a signed 64-bit value), optionally followed by an extension after ';', space
 * or tab; chunk data ends with CRLF or a bare LF; the last chunk may carry trailer lines, which
 * are skipped. Anything else is an invalid chunked body.
 */
final class ChunkedFraming {
    private enum State {
        SIZE_START, SIZE, EXTENSION, SIZE_LF, DATA, AFTER_DATA, AFTER_DATA_LF, TRAILER_START, TRAILER,
        TRAILER_LF, LAST_LF, DONE
    }

    private State state = State.SIZE_START;
    /** The chunk size while it is parsed, then the bytes of the chunk's data still to come. */
    private long size;

    boolean done() {
        return state == State.DONE;
    }

    /**
     * Consumes framing from raw and copies chunk data into dst; stops when raw is used up, dst
     * is full or the body has ended. Returns the data bytes copied.
     */
    int decode(ByteBuffer raw, ByteBuffer dst) throws InvalidChunkedBody {
        int copied = 0;
        while (raw.hasRemaining() && state != State.DONE) {
            if (state == State.DATA) {
                if (!dst.hasRemaining()) {
                    break;
                }
                int n = (int) Math.min(size, Math.min(raw.remaining(), dst.remaining()));
                int limit = raw.limit();
                raw.limit(raw.position() + n);
                dst.put(raw);
                raw.limit(limit);
                copied += n;
                size -= n;
                if (size == 0) {
                    state = State.AFTER_DATA;
                }
                continue;
            }
            state = next(raw.get());
        }
        return copied;
    }

    private State next(byte b) throws InvalidChunkedBody {
        return switch (state) {
            case SIZE_START -> {
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    throw new InvalidChunkedBody();
                }
                size = digit;
                yield State.SIZE;
            }
            case SIZE -> size(b);
            case EXTENSION -> b == '\r' ? State.SIZE_LF : b == '\n' ? sizeDone() : State.EXTENSION;
            case SIZE_LF -> expect(b, '\n', sizeDone());
            case AFTER_DATA -> b == '\r' ? State.AFTER_DATA_LF : expect(b, '\n', State.SIZE_START);
            case AFTER_DATA_LF -> expect(b, '\n', State.SIZE_START);
            case TRAILER_START -> b == '\r' ? State.LAST_LF : b == '\n' ? State.DONE : State.TRAILER;
            case TRAILER -> b == '\r' ? State.TRAILER_LF : b == '\n' ? State.TRAILER_START : State.TRAILER;
            case TRAILER_LF -> expect(b, '\n', State.TRAILER_START);
            case LAST_LF -> expect(b, '\n', State.DONE);
            case DATA, DONE -> throw new IllegalStateException(state.name());
        };
    }

    private State size(byte b) throws InvalidChunkedBody {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (size > Long.MAX_VALUE / 16) {
                throw new InvalidChunkedBody();
            }
            size = size * 16 + digit;
            return State.SIZE;
        }
        return switch (b) {
            case '\r' -> State.SIZE_LF;
            case '\n' -> sizeDone();
            case ';', ' ', '\t' -> State.EXTENSION;
            default -> throw new InvalidChunkedBody();
        };
    }

    private State sizeDone() {
        return size == 0 ? State.TRAILER_START : State.DATA;
    }

    private static State expect(byte b, char wanted, State then) throws InvalidChunkedBody {
        if (b != wanted) {
            throw new InvalidChunkedBody();
        }
        return then;
    }
}
