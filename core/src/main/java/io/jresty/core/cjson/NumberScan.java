package io.jresty.core.cjson;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What C's strtoll/strtod accept at the start of a byte range, which is what lua-cjson's
 * decoder hands a number to: signs, decimals, exponents, hex ("0x1p4"), inf/infinity and nan.
 * Jackson's fast double parser turns the accepted text into the value.
 */
final class NumberScan {
    private NumberScan() {}

    /** End of the longest strtod prefix starting at {@code start}, or {@code start} if none. */
    static int strtodEnd(byte[] b, int start, int end) {
        int p = start;
        if (p < end && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        if (matchesIgnoreCase(b, p, end, "infinity")) {
            return p + 8;
        }
        if (matchesIgnoreCase(b, p, end, "inf")) {
            return p + 3;
        }
        if (matchesIgnoreCase(b, p, end, "nan")) {
            int q = p + 3;
            if (q < end && b[q] == '(') {
                int r = q + 1;
                while (r < end && (Character.isLetterOrDigit(b[r]) || b[r] == '_')) {
                    r++;
                }
                if (r < end && b[r] == ')') {
                    return r + 1;
                }
            }
            return q;
        }
        if (p + 1 < end && b[p] == '0' && (b[p + 1] | 0x20) == 'x') {
            int hexEnd = hexEnd(b, p + 2, end);
            if (hexEnd > 0) {
                return hexEnd;
            }
        }
        int digitsStart = p;
        p = skipDigits(b, p, end);
        int digits = p - digitsStart;
        if (p < end && b[p] == '.') {
            int fraction = skipDigits(b, p + 1, end);
            digits += fraction - p - 1;
            p = fraction;
        }
        if (digits == 0) {
            return start;
        }
        return exponentEnd(b, p, end, 'e');
    }

    /** Value of the text strtodEnd accepted. */
    static double strtod(byte[] b, int start, int stop) {
        String text = new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
        String unsigned = (text.startsWith("-") || text.startsWith("+")) ? text.substring(1) : text;
        double sign = text.startsWith("-") ? -1 : 1;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (lower.startsWith("inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (lower.startsWith("nan")) {
            return Double.NaN;
        }
        if (lower.startsWith("0x")) {
            String hex = lower.indexOf('p') < 0 ? lower + "p0" : lower;
            return sign * Double.parseDouble(hex);
        }
        return NumberInput.parseDouble(text, true);
    }

    /** End of strtoll's digits (after an optional sign), or start when there are none. */
    static int strtollEnd(byte[] b, int start, int end) {
        int p = start;
        if (p < end && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        int digitsEnd = skipDigits(b, p, end);
        return digitsEnd == p ? start : digitsEnd;
    }

    /** strtoll's value: clamped to the long range on overflow, as strtoll does. */
    static long strtoll(byte[] b, int start, int stop) {
        boolean negative = b[start] == '-';
        int p = (b[start] == '-' || b[start] == '+') ? start + 1 : start;
        long value = 0;
        for (; p < stop; p++) {
            int digit = b[p] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return Long.MAX_VALUE;
        }
        return negative ? value : -value;
    }

    private static int hexEnd(byte[] b, int p, int end) {
        int digitsStart = p;
        while (p < end && Character.digit(b[p], 16) >= 0) {
            p++;
        }
        int digits = p - digitsStart;
        if (p < end && b[p] == '.') {
            int q = p + 1;
            while (q < end && Character.digit(b[q], 16) >= 0) {
                q++;
            }
            digits += q - p - 1;
            p = q;
        }
        return digits == 0 ? -1 : exponentEnd(b, p, end, 'p');
    }

    private static int exponentEnd(byte[] b, int p, int end, char marker) {
        if (p < end && (b[p] | 0x20) == marker) {
            int q = p + 1;
            if (q < end && (b[q] == '+' || b[q] == '-')) {
                q++;
            }
            int digitsEnd = skipDigits(b, q, end);
            if (digitsEnd > q) {
                return digitsEnd;
            }
        }
        return p;
    }

    private static int skipDigits(byte[] b, int p, int end) {
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    private static boolean matchesIgnoreCase(byte[] b, int p, int end, String word) {
        if (end - p < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if ((b[p + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
