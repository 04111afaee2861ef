package io.jresty.core.dynacode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Byte-level mutations of a seed document, as a fuzzer makes them: flips, cuts, splices, junk. */
final class ByteMutations {
    private static final byte[][] TOKENS = {
            "{".getBytes(StandardCharsets.UTF_8), "}".getBytes(StandardCharsets.UTF_8),
            "[".getBytes(StandardCharsets.UTF_8), "]".getBytes(StandardCharsets.UTF_8),
            "\"".getBytes(StandardCharsets.UTF_8), ",".getBytes(StandardCharsets.UTF_8),
            ":".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
            "1e999".getBytes(StandardCharsets.UTF_8), "\\u0000".getBytes(StandardCharsets.UTF_8),
            "\"plugins\":[]".getBytes(StandardCharsets.UTF_8), "\"domains\":{}".getBytes(StandardCharsets.UTF_8)};

    private ByteMutations() {}

    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            out = once(out, random);
        }
        return out;
    }

    private static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        switch (random.nextInt(6)) {
            case 0 -> { // flip one bit
                byte[] copy = in.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> { // cut the rest off
                out.write(in, 0, at);
            }
            case 2 -> { // delete a slice
                int len = Math.min(in.length - at, 1 + random.nextInt(20));
                out.write(in, 0, at);
                out.write(in, at + len, in.length - at - len);
            }
            case 3 -> { // duplicate a slice
                int len = Math.min(in.length - at, 1 + random.nextInt(40));
                out.write(in, 0, at + len);
                out.write(in, at, in.length - at);
            }
            case 4 -> { // insert a JSON token
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                out.write(in, 0, at);
                out.write(token, 0, token.length);
                out.write(in, at, in.length - at);
            }
            default -> { // a random byte
                out.write(in, 0, at);
                out.write(random.nextInt(256));
                out.write(in, at + 1, in.length - at - 1);
            }
        }
        return out.toByteArray();
    }
}
