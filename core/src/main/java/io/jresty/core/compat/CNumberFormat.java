package io.jresty.core.compat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The printf conversions of a double (%f, %e, %g, %a) as LuaJIT 2.1 writes them, without sign,
 * padding or flags other than '#': the exact binary value, with ties rounded away from zero
 * (LuaJIT's own formatter does that where glibc rounds half-even: %.0f of 2.5 is "3").
 */
final class CNumberFormat {
    private CNumberFormat() {}

    /** Digits of |v| for %f with the given precision; v is finite. */
    static String fixed(double v, int precision, boolean alt) {
        String s = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_UP).toPlainString();
        return alt && precision == 0 ? s + "." : s;
    }

    /** Digits of |v| for %e/%E; v is finite. */
    static String exponent(double v, int precision, boolean upper, boolean alt) {
        Decimal d = Decimal.of(Math.abs(v), precision + 1);
        StringBuilder sb = new StringBuilder(precision + 8);
        sb.append(d.digits.charAt(0));
        if (precision > 0 || alt) {
            sb.append('.');
        }
        sb.append(d.digits, 1, d.digits.length());
        appendExponent(sb, upper ? 'E' : 'e', d.exponent);
        return sb.toString();
    }

    /** Digits of |v| for %g/%G; v is finite. */
    static String general(double v, int precision, boolean upper, boolean alt) {
        int p = precision == 0 ? 1 : precision;
        double a = Math.abs(v);
        int x = a == 0 ? 0 : Decimal.of(a, p).exponent;
        String s = p > x && x >= -4 ? fixed(a, p - 1 - x, alt) : exponent(a, p - 1, upper, alt);
        return alt ? s : stripZeros(s);
    }

    /** %.14g, what Lua 5.1 and LuaJIT print for a number. */
    static String lua(double v) {
        String digits = general(v, 14, false, false);
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + digits : digits;
    }

    /** Digits of |v| for %a/%A (precision -1: as many as needed); subnormals normalised as LuaJIT does. */
    static String hex(double v, int precision, boolean upper) {
        double a = Math.abs(v);
        long significand = 0;
        int exp = 0;
        if (a != 0) {
            long bits = Double.doubleToRawLongBits(a) & 0x000fffffffffffffL;
            exp = Math.getExponent(a);
            if (exp < Double.MIN_EXPONENT) {
                // subnormal: shift the fraction up until its leading 1 sits on the implicit bit
                int shift = Long.numberOfLeadingZeros(bits) - 11;
                bits <<= shift;
                exp = Double.MIN_EXPONENT - shift;
            }
            significand = bits | 0x0010000000000000L;
        }
        String frac;
        long lead;
        if (precision >= 0 && precision < 13) {
            int drop = 4 * (13 - precision);
            long rest = significand & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            significand >>>= drop;
            if (rest > half || (rest == half && (significand & 1) == 1)) {
                significand++;
            }
            lead = significand >>> (4 * precision);
            frac = precision == 0 ? "" : String.format("%0" + precision + "x", significand & ((1L << (4 * precision)) - 1));
        } else {
            lead = significand >>> 52;
            String all = String.format("%013x", significand & 0x000fffffffffffffL);
            frac = precision < 0 ? stripHexZeros(all) : all + "0".repeat(precision - 13);
        }
        String s = "0x" + lead + (frac.isEmpty() ? "" : "." + frac) + "p" + (exp >= 0 ? "+" : "") + exp;
        return upper ? s.toUpperCase() : s;
    }

    private static String stripHexZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** C's %g drops trailing fraction zeros (and a bare point), Java's does not. */
    private static String stripZeros(String s) {
        int e = s.indexOf('e') >= 0 ? s.indexOf('e') : s.indexOf('E');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        String tail = e >= 0 ? s.substring(e) : "";
        if (mantissa.indexOf('.') < 0) {
            return s;
        }
        int end = mantissa.length();
        while (mantissa.charAt(end - 1) == '0') {
            end--;
        }
        if (mantissa.charAt(end - 1) == '.') {
            end--;
        }
        return mantissa.substring(0, end) + tail;
    }

    private static void appendExponent(StringBuilder sb, char e, int exponent) {
        sb.append(e).append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
    }

    /** A positive finite value rounded to n significant digits: exactly n digits and the decimal exponent. */
    private record Decimal(String digits, int exponent) {
        static Decimal of(double a, int n) {
            if (a == 0) {
                return new Decimal("0".repeat(n), 0);
            }
            BigDecimal r = new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_UP));
            String unscaled = r.unscaledValue().toString();
            int exponent = unscaled.length() - 1 - r.scale();
            String digits = unscaled.length() >= n ? unscaled.substring(0, n) : unscaled + "0".repeat(n - unscaled.length());
            return new Decimal(digits, exponent);
        }
    }
}
