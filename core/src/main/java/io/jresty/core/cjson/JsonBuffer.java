package io.jresty.core.cjson;

import java.util.Arrays;
import org.luaj.vm2.LuaString;

/** A growable byte buffer the encoder writes JSON text into; Lua strings are bytes, so is JSON here. */
final class JsonBuffer {
    private byte[] bytes = new byte[64];
    private int length;

    int length() {
        return length;
    }

    void truncate(int newLength) {
        length = newLength;
    }

    void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void append(char c) {
        append((byte) c);
    }

    void append(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
    }

    /** Appends without a bounds check; the caller has called {@link #ensure}. */
    void put(byte b) {
        bytes[length++] = b;
    }

    LuaString toLuaString() {
        return LuaString.valueOf(Arrays.copyOf(bytes, length));
    }
}
