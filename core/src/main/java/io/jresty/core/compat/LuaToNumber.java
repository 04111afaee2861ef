package io.jresty.core.compat;

import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** tonumber as LuaJIT: blanks around, hex with fraction and 'p' exponent, 0b binary, inf/nan, bases 2 to 36. */
final class LuaToNumber extends VarArgFunction {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern BINARY = Pattern.compile("([+-]?)0[bB]([01]+)");
    private static final Pattern SPECIAL = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    @Override
    public Varargs invoke(Varargs args) {
        if (args.narg() == 0) {
            throw new LuaError("bad argument #1 to 'tonumber' (value expected)");
        }
        LuaValue e = args.arg1();
        if (args.isnil(2)) {
            return switch (e.type()) {
                case LuaValue.TNUMBER -> e;
                case LuaValue.TSTRING -> orNil(scan(e.tojstring()));
                // a boxed ffi number (cdata) converts; other userdata give nil
                case LuaValue.TUSERDATA -> e.tonumber();
                default -> NIL;
            };
        }
        int base = (int) Builtin.number(args, 2, "tonumber");
        if (base < 2 || base > 36) {
            throw new LuaError("bad argument #2 to 'tonumber' (base out of range)");
        }
        String s = LuaToString.of(e.type() == TNUMBER ? e : Builtin.string(args, 1, "tonumber")).tojstring();
        return orNil(base == 10 ? scan(s) : integer(s, base));
    }

    private static LuaValue orNil(Double d) {
        return d == null ? NIL : valueOf(d);
    }

    /** A string as the Lua lexer reads a number literal, or null. */
    static Double scan(String raw) {
        String s = trim(raw);
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        var hex = HEX.matcher(s);
        if (hex.matches()) {
            String digits = hex.group(2);
            String exponent = hex.group(3) == null ? "p0" : hex.group(3);
            double v = Double.parseDouble("0x" + (digits.startsWith(".") ? "0" : "") + digits + exponent);
            return hex.group(1).equals("-") ? -v : v;
        }
        var binary = BINARY.matcher(s);
        if (binary.matches()) {
            double v = integer(binary.group(2), 2);
            return binary.group(1).equals("-") ? -v : v;
        }
        var special = SPECIAL.matcher(s);
        if (special.matches()) {
            double v = special.group(2).equalsIgnoreCase("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return special.group(1).equals("-") ? -v : v;
        }
        return null;
    }

    private static Double integer(String raw, int base) {
        String s = trim(raw);
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        double v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0 || s.charAt(i) > 'z') {
                return null;
            }
            v = v * base + d;
        }
        return negative ? -v : v;
    }

    /** C's isspace: blank, \t, \n, \v, \f, \r. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
