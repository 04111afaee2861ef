package io.jresty.core.compat;

/**
 * Number to string as LuaJIT writes it (tostring, "..", print, table.concat): C's "%.14g",
 * with "inf", "-inf" and "nan", and integral values without ".0". The patched
 * {@code org.luaj.vm2.LuaDouble#tojstring()} calls {@link #format(double)}.
 */
public final class LuaNumberFormat {
    /** Integral doubles below this print all their digits under %.14g; above they need an exponent. */
    private static final double PLAIN_LIMIT = 1e14;

    private LuaNumberFormat() {}

    /** Whether LuaJ may hold the number as a LuaInteger: an int, and not -0 (which must keep printing "-0"). */
    public static boolean isInteger(double d) {
        int i = (int) d;
        return d == i && (i != 0 || Double.doubleToRawLongBits(d) == 0);
    }

    public static String format(double v) {
        if (v == (long) v && Math.abs(v) < PLAIN_LIMIT) {
            if (v == 0 && 1 / v < 0) {
                return "-0";
            }
            return Long.toString((long) v);
        }
        if (Double.isNaN(v)) {
            // LuaJIT prints every NaN as "nan", whatever its sign bit
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return CNumberFormat.lua(v);
    }
}
