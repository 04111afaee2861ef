package io.jresty.core.compat;

/**
 * One parsed printf conversion ("%-08.3f"): flags, width, precision (-1 when absent) and the
 * conversion letter, with LuaJIT's limits (at most two digits each for width and precision).
 *
 * @param end index in the format just after the conversion letter
 */
record FormatSpec(boolean left, boolean plus, boolean space, boolean alt, boolean zero,
                  int width, int precision, char conversion, int end) {

    /** Parses the spec starting just after '%' at {@code start}. */
    static FormatSpec parse(byte[] fmt, int start, int limit) {
        boolean left = false, plus = false, space = false, alt = false, zero = false;
        int i = start;
        flags:
        while (i < limit) {
            switch (fmt[i]) {
                case '-' -> left = true;
                case '+' -> plus = true;
                case ' ' -> space = true;
                case '#' -> alt = true;
                case '0' -> zero = true;
                default -> {
                    break flags;
                }
            }
            i++;
        }
        int width = 0;
        int digits = 0;
        while (i < limit && isDigit(fmt[i])) {
            if (++digits > 2) {
                throw invalid(fmt, start, i + 1);
            }
            width = width * 10 + fmt[i++] - '0';
        }
        int precision = -1;
        if (i < limit && fmt[i] == '.') {
            i++;
            precision = 0;
            digits = 0;
            while (i < limit && isDigit(fmt[i])) {
                if (++digits > 2) {
                    throw invalid(fmt, start, i + 1);
                }
                precision = precision * 10 + fmt[i++] - '0';
            }
        }
        if (i >= limit) {
            throw invalid(fmt, start, i);
        }
        return new FormatSpec(left, plus, space, alt, zero, width, precision, (char) (fmt[i] & 0xff), i + 1);
    }

    static org.luaj.vm2.LuaError invalid(byte[] fmt, int start, int end) {
        String option = new String(fmt, start, Math.min(end, fmt.length) - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new org.luaj.vm2.LuaError("invalid option '%" + option + "' to 'format'");
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The sign a signed conversion writes for a value of this sign. */
    String sign(boolean negative) {
        return negative ? "-" : plus ? "+" : space ? " " : "";
    }

    /** Pads a converted value to the width: blanks left or right, or zeros between prefix and digits. */
    String pad(String prefix, String digits, boolean zeroAllowed) {
        int fill = width - prefix.length() - digits.length();
        if (fill <= 0) {
            return prefix + digits;
        }
        if (left) {
            return prefix + digits + " ".repeat(fill);
        }
        if (zero && zeroAllowed) {
            return prefix + "0".repeat(fill) + digits;
        }
        return " ".repeat(fill) + prefix + digits;
    }
}
