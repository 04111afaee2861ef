package io.jresty.core.cjson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.<precision>g")} for finite doubles, which is how lua-cjson writes numbers:
 * integers print without a fraction, others with at most {@code precision} significant digits,
 * trailing zeros dropped, exponent form outside 1e-4 .. 1e(precision).
 */
final class NumberFormatG {
    private static final long[] POWERS_OF_TEN = new long[17];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumberFormatG() {}

    static String format(double d, int precision) {
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        // Fast path: an integer that fits in the precision prints as it is.
        if (d == Math.rint(d) && Math.abs(d) < POWERS_OF_TEN[precision]) {
            return Long.toString((long) d);
        }
        // The shortcut needs the double's ulp far below the last printed digit: not so for subnormals.
        if (precision <= 15 && Math.abs(d) >= Double.MIN_NORMAL) {
            String fast = ShortestDigits.format(d, precision);
            if (fast != null) {
                return fast;
            }
        }
        // glibc rounds the exact binary value half-to-even; BigDecimal(double) is that exact value.
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            return exponential(rounded, exponent);
        }
        String plain = rounded.setScale(Math.max(0, precision - 1 - exponent), RoundingMode.UNNECESSARY)
                .toPlainString();
        return stripZeros(plain);
    }

    /** %g's layout of significant digits whose first digit stands at 10^exponent. */
    static String layout(boolean negative, CharSequence digits, int exponent, int precision) {
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        int n = digits.length();
        if (exponent < -4 || exponent >= precision) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            return out.append(abs).toString();
        }
        if (exponent < 0) {
            out.append("0.");
            for (int i = -1; i > exponent; i--) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        int integerDigits = exponent + 1;
        if (n <= integerDigits) {
            out.append(digits);
            for (int i = n; i < integerDigits; i++) {
                out.append('0');
            }
            return out.toString();
        }
        return out.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, n).toString();
    }

    private static String exponential(BigDecimal rounded, int exponent) {
        String digits = rounded.unscaledValue().abs().toString();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        StringBuilder out = new StringBuilder(24);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (end > 1) {
            out.append('.').append(digits, 1, end);
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    private static String stripZeros(String plain) {
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return plain.substring(0, end);
    }
}
