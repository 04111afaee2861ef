package io.jresty.ngx.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** ngx.crc32_*, ngx.md5, ngx.md5_bin, ngx.sha1_bin and ngx.hmac_sha1 over byte strings. */
final class Digests {
    private Digests() {}

    static long crc32(byte[] in) {
        CRC32 crc = new CRC32();
        crc.update(in);
        return crc.getValue();
    }

    static byte[] md5(byte[] in) {
        return digest("MD5", in);
    }

    static String md5Hex(byte[] in) {
        return HexFormat.of().formatHex(md5(in));
    }

    static byte[] sha1(byte[] in) {
        return digest("SHA-1", in);
    }

    static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // HMAC pads the key with zero bytes; one zero byte stands in for the empty key
            // that SecretKeySpec refuses, and gives the same digest.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] in) {
        try {
            return MessageDigest.getInstance(algorithm).digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
