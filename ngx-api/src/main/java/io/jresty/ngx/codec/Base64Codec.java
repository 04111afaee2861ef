package io.jresty.ngx.codec;

import java.util.Arrays;

/**
 * Base64 as nginx does it: standard alphabet; decoding stops at the first '=' and ignores
 * what follows, fails on any other character outside the alphabet or on a lone trailing
 * character, and drops leftover bits instead of rejecting them.
 */
final class Base64Codec {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII);
    private static final int[] VALUE = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUE[ALPHABET[i]] = i;
        }
    }

    private Base64Codec() {}

    static byte[] encode(byte[] in, boolean padding) {
        return padding ? java.util.Base64.getEncoder().encode(in)
                : java.util.Base64.getEncoder().withoutPadding().encode(in);
    }

    /** The decoded bytes, or null when nginx would refuse the input. */
    static byte[] decode(byte[] in) {
        int len = 0;
        while (len < in.length && in[len] != '=') {
            if (VALUE[in[len] & 0xff] < 0) {
                return null;
            }
            len++;
        }
        if (len % 4 == 1) {
            return null;
        }
        byte[] out = new byte[len / 4 * 3 + Math.max(0, len % 4 - 1)];
        int o = 0;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            int v = VALUE[in[i]] << 18 | VALUE[in[i + 1]] << 12 | VALUE[in[i + 2]] << 6 | VALUE[in[i + 3]];
            out[o++] = (byte) (v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
        }
        if (len - i >= 2) {
            int v = VALUE[in[i]] << 18 | VALUE[in[i + 1]] << 12 | (len - i == 3 ? VALUE[in[i + 2]] << 6 : 0);
            out[o++] = (byte) (v >> 16);
            if (len - i == 3) {
                out[o] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
