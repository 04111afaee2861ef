package io.jresty.ngx.codec;

import java.util.Arrays;

/**
 * ngx.escape_uri's seven escaping types (nginx's NGX_ESCAPE_URI .. NGX_ESCAPE_MAIL_AUTH) and
 * ngx.unescape_uri. Each type is a 256-bit set of the bytes it escapes as %XX (upper-case hex);
 * the sets were measured byte by byte on nginx 1.22 + lua-nginx-module 0.10.23.
 */
final class UriEscape {
    static final int URI = 0;
    static final int COMPONENT = 2;
    static final int MAX_TYPE = 6;

    /** Eight 32-bit words per type, bit n of word w set when byte 32*w+n is escaped. */
    private static final int[][] ESCAPED = {
        {0xffffffff, 0x80000029, 0x00000000, 0x80000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, // uri
        {0xffffffff, 0x80000829, 0x00000000, 0x80000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, // args
        {0xffffffff, 0xfc00987d, 0x78000001, 0xb8000001, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, // component
        {0xffffffff, 0x000000ad, 0x00000000, 0x80000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, // html
        {0xffffffff, 0x00000085, 0x00000000, 0x80000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, // refresh
        {0xffffffff, 0x00000021, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000}, // memcached
        {0xffffffff, 0x00000021, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000}, // mail auth
    };
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private UriEscape() {}

    private static boolean escaped(int[] set, int b) {
        return (set[b >>> 5] & (1 << (b & 31))) != 0;
    }

    static byte[] escape(byte[] in, int type) {
        int[] set = ESCAPED[type];
        int extra = 0;
        for (byte b : in) {
            if (escaped(set, b & 0xff)) {
                extra += 2;
            }
        }
        if (extra == 0) {
            return in;
        }
        byte[] out = new byte[in.length + extra];
        int o = 0;
        for (byte b : in) {
            int c = b & 0xff;
            if (escaped(set, c)) {
                out[o++] = '%';
                out[o++] = HEX[c >>> 4];
                out[o++] = HEX[c & 15];
            } else {
                out[o++] = b;
            }
        }
        return out;
    }

    /** %XX (either case) becomes the byte and '+' a space; a '%' without two hex digits stays as it is. */
    static byte[] unescape(byte[] in) {
        byte[] out = new byte[in.length];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '+') {
                out[o++] = ' ';
            } else if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[o++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out[o++] = b;
            }
        }
        return Arrays.copyOf(out, o);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
