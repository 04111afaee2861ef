package io.jresty.ngx.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Bytes read from a connection and not yet handed to Lua, as nginx keeps them in the
 * cosocket's buffer between receive calls. Used by one request at a time.
 */
final class InboundBuffer {
    private byte[] bytes = new byte[4096];
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    byte at(int i) {
        return bytes[start + i];
    }

    /** Index of b from the buffer's start, or -1. */
    int indexOf(byte b) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == b) {
                return i - start;
            }
        }
        return -1;
    }

    /** Index of the whole pattern from {@code from}, or -1. */
    int indexOf(byte[] pattern, int from) {
        outer:
        for (int i = start + from; i <= end - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i - start;
        }
        return -1;
    }

    /** Removes and returns the first n bytes. */
    byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(bytes, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return out;
    }

    void skip(int n) {
        take(n);
    }

    /** Reads what the stream has (at least one byte unless at its end); -1 at its end. */
    int fill(InputStream in) throws IOException {
        if (end == bytes.length) {
            if (start > 0) {
                System.arraycopy(bytes, start, bytes, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
        }
        int n = in.read(bytes, end, bytes.length - end);
        if (n > 0) {
            end += n;
        }
        return n;
    }
}
