package io.jresty.core.cjson;

import java.util.Arrays;
import org.luaj.vm2.LuaString;

/**
 * Reads one JSON string token as lua-cjson does: bytes are copied as they are, the escapes
 * of JSON are decoded, {@code \\u} (and surrogate pairs) become UTF-8, and the first NUL byte
 * or the end of input ends the text.
 */
final class JsonStringReader {
    private final byte[] b;
    private final int end;
    private JsonBuffer scratch;
    private int pos;

    /** The string read, when {@link #read} succeeded. */
    LuaString value;
    /** lua-cjson's token error and where it stands, when {@link #read} failed. */
    String error;
    int errorAt;

    JsonStringReader(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    private int at(int p) {
        return p < end ? b[p] & 0xff : 0;
    }

    /** Reads the string whose opening quote is at {@code quote}; the position after it, or -1. */
    int read(int quote) {
        int start = quote + 1;
        // Fast path: no escape before the closing quote, so the bytes are the value.
        int p = start;
        while (p < end && b[p] != '"' && b[p] != '\\') {
            p++;
        }
        if (p < end && b[p] == '"') {
            value = LuaString.valueOf(Arrays.copyOfRange(b, start, p));
            return p + 1;
        }
        if (scratch == null) {
            scratch = new JsonBuffer();
        }
        JsonBuffer buf = scratch;
        buf.truncate(0);
        buf.ensure(p - start);
        for (int i = start; i < p; i++) {
            buf.put(b[i]);
        }
        pos = p;
        while (true) {
            int ch = at(pos);
            if (ch == '"') {
                break;
            }
            if (ch == 0) {
                return fail("unexpected end of string");
            }
            if (ch == '\\') {
                int escaped = switch (at(pos + 1)) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    case 'u' -> -1;
                    default -> 0;
                };
                if (escaped == -1) {
                    if (!unicodeEscape(buf)) {
                        return fail("invalid unicode escape code");
                    }
                    continue;
                }
                if (escaped == 0) {
                    return fail("invalid escape code");
                }
                buf.append((byte) escaped);
                pos += 2;
                continue;
            }
            buf.append((byte) ch);
            pos++;
        }
        value = buf.toLuaString();
        return pos + 1;
    }

    private int fail(String message) {
        error = message;
        errorAt = pos;
        return -1;
    }

    private int hex4(int p) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(at(p + i), 16);
            if (digit < 0) {
                return -1;
            }
            v = (v << 4) | digit;
        }
        return v;
    }

    /** Appends the UTF-8 of the \\uXXXX (or surrogate pair) at pos; false if it is invalid. */
    private boolean unicodeEscape(JsonBuffer buf) {
        int codepoint = hex4(pos + 2);
        if (codepoint < 0) {
            return false;
        }
        int length = 6;
        if ((codepoint & 0xF800) == 0xD800) {
            if ((codepoint & 0x400) != 0 || at(pos + 6) != '\\' || at(pos + 7) != 'u') {
                return false;
            }
            int low = hex4(pos + 8);
            if (low < 0 || (low & 0xFC00) != 0xDC00) {
                return false;
            }
            codepoint = (((codepoint & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
            length = 12;
        }
        if (codepoint <= 0x7F) {
            buf.append((byte) codepoint);
        } else if (codepoint <= 0x7FF) {
            buf.append((byte) (0xC0 | (codepoint >> 6)));
            buf.append((byte) (0x80 | (codepoint & 0x3F)));
        } else if (codepoint <= 0xFFFF) {
            buf.append((byte) (0xE0 | (codepoint >> 12)));
            buf.append((byte) (0x80 | ((codepoint >> 6) & 0x3F)));
            buf.append((byte) (0x80 | (codepoint & 0x3F)));
        } else {
            buf.append((byte) (0xF0 | (codepoint >> 18)));
            buf.append((byte) (0x80 | ((codepoint >> 12) & 0x3F)));
            buf.append((byte) (0x80 | ((codepoint >> 6) & 0x3F)));
            buf.append((byte) (0x80 | (codepoint & 0x3F)));
        }
        pos += length;
        return true;
    }
}
