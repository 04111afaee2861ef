package io.jresty.core.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** string.format as LuaJIT 2.1 does it: C printf conversions on Lua values, bytes in, bytes out. */
final class StringFormat extends VarArgFunction {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    @Override
    public Varargs invoke(Varargs args) {
        LuaString format = args.checkstring(1);
        byte[] fmt = new byte[format.m_length];
        System.arraycopy(format.m_bytes, format.m_offset, fmt, 0, fmt.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(fmt.length + 16);
        int arg = 1;
        int i = 0;
        while (i < fmt.length) {
            byte b = fmt[i++];
            if (b != '%') {
                out.write(b);
                continue;
            }
            if (i < fmt.length && fmt[i] == '%') {
                out.write('%');
                i++;
                continue;
            }
            FormatSpec spec = FormatSpec.parse(fmt, i, fmt.length);
            i = spec.end();
            arg++;
            convert(spec, args, arg, fmt, out);
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static void convert(FormatSpec spec, Varargs args, int arg, byte[] fmt, ByteArrayOutputStream out) {
        switch (spec.conversion()) {
            case 'd', 'i' -> ascii(out, signed(spec, toInt64(number(args, arg))));
            case 'u' -> ascii(out, unsigned(spec, Long.toUnsignedString(toUInt64(number(args, arg))), ""));
            case 'x', 'X' -> {
                long v = toUInt64(number(args, arg));
                String digits = Long.toHexString(v);
                String prefix = spec.alt() && v != 0 ? "0x" : "";
                String s = unsigned(spec, digits, prefix);
                ascii(out, spec.conversion() == 'X' ? s.toUpperCase() : s);
            }
            case 'o' -> {
                String digits = Long.toOctalString(toUInt64(number(args, arg)));
                if (spec.alt() && !digits.startsWith("0") && spec.precision() <= digits.length()) {
                    digits = "0" + digits;
                }
                ascii(out, unsigned(spec, digits, ""));
            }
            case 'c' -> {
                byte c = (byte) (long) number(args, arg);
                String pad = " ".repeat(Math.max(0, spec.width() - 1));
                if (!spec.left()) {
                    ascii(out, pad);
                }
                out.write(c);
                if (spec.left()) {
                    ascii(out, pad);
                }
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A' -> ascii(out, floating(spec, number(args, arg)));
            case 's' -> bytes(out, spec, LuaToString.of(value(args, arg)));
            case 'q' -> out.writeBytes(LuaQuote.quote(LuaToString.of(value(args, arg))));
            default -> throw FormatSpec.invalid(fmt, start(fmt, spec), spec.end());
        }
    }

    /** Where the spec began (just after its '%'), for the error message. */
    private static int start(byte[] fmt, FormatSpec spec) {
        int i = spec.end() - 1;
        while (i > 0 && fmt[i - 1] != '%') {
            i--;
        }
        return i;
    }

    private static String signed(FormatSpec spec, long v) {
        String digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(v));
        digits = withPrecision(spec, digits);
        return spec.pad(spec.sign(v < 0), digits, spec.precision() < 0);
    }

    private static String unsigned(FormatSpec spec, String digits, String prefix) {
        return spec.pad(prefix, withPrecision(spec, digits), spec.precision() < 0);
    }

    /** An integer precision is a minimum digit count; "%.0d" of 0 writes no digits, as C does. */
    private static String withPrecision(FormatSpec spec, String digits) {
        int p = spec.precision();
        if (p < 0) {
            return digits;
        }
        if (p == 0 && digits.equals("0")) {
            return "";
        }
        return digits.length() >= p ? digits : "0".repeat(p - digits.length()) + digits;
    }

    private static String floating(FormatSpec spec, double v) {
        char c = spec.conversion();
        boolean upper = Character.isUpperCase(c);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            // LuaJIT writes every NaN without a sign
            String word = Double.isNaN(v) ? "nan" : "inf";
            String sign = spec.sign(Double.isInfinite(v) && negative);
            return spec.pad(sign, upper ? word.toUpperCase() : word, false);
        }
        int p = spec.precision() < 0 ? 6 : spec.precision();
        String digits = switch (Character.toLowerCase(c)) {
            case 'f' -> CNumberFormat.fixed(v, p, spec.alt());
            case 'e' -> CNumberFormat.exponent(v, p, upper, spec.alt());
            case 'g' -> CNumberFormat.general(v, p, upper, spec.alt());
            default -> CNumberFormat.hex(v, spec.precision(), upper);
        };
        if (c == 'a' || c == 'A') {
            String prefix = digits.substring(0, 2);
            return spec.pad(spec.sign(negative) + prefix, digits.substring(2), true);
        }
        return spec.pad(spec.sign(negative), digits, true);
    }

    private static void bytes(ByteArrayOutputStream out, FormatSpec spec, LuaString s) {
        int n = spec.precision() >= 0 ? Math.min(spec.precision(), s.m_length) : s.m_length;
        String pad = " ".repeat(Math.max(0, spec.width() - n));
        if (!spec.left()) {
            ascii(out, pad);
        }
        out.write(s.m_bytes, s.m_offset, n);
        if (spec.left()) {
            ascii(out, pad);
        }
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static LuaValue value(Varargs args, int arg) {
        if (arg > args.narg()) {
            throw new LuaError("bad argument #" + arg + " to 'format' (value expected)");
        }
        return args.arg(arg);
    }

    private static double number(Varargs args, int arg) {
        LuaValue v = value(args, arg);
        LuaValue n = v.tonumber();
        if (n.isnil()) {
            throw new LuaError("bad argument #" + arg + " to 'format' (number expected, got " + v.typename() + ")");
        }
        return n.todouble();
    }

    /** What x86-64's cvttsd2si gives, which LuaJIT's %d uses: out of range and NaN become the minimum. */
    static long toInt64(double v) {
        if (Double.isNaN(v) || v >= TWO_63 || v < -TWO_63) {
            return Long.MIN_VALUE;
        }
        return (long) v;
    }

    /** LuaJIT's number to uint64 for %x %o %u: values from 2^63 wrap through 2^64. */
    static long toUInt64(double v) {
        return v >= TWO_63 ? toInt64(v - TWO_64) : toInt64(v);
    }
}
