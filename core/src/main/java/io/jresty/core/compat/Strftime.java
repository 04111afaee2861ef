package io.jresty.core.compat;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * C's strftime in the "C" locale with glibc's conversions, for os.date: LuaJIT hands the
 * format to strftime as it is, so an unknown conversion comes out as written ("%Q") and the
 * E and O modifiers are accepted.
 */
final class Strftime {
    private Strftime() {}

    /** @param utc whether the time is UTC (os.date("!...")), which C names "GMT" in %Z */
    static String format(String format, ZonedDateTime d, boolean utc) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            int start = i;
            char conversion = format.charAt(++i);
            if ((conversion == 'E' || conversion == 'O') && i + 1 < format.length()) {
                conversion = format.charAt(++i);
            }
            if (!convert(out, conversion, d, utc)) {
                out.append(format, start, i + 1);
            }
        }
        return out.toString();
    }

    private static boolean convert(StringBuilder out, char conversion, ZonedDateTime d, boolean utc) {
        switch (conversion) {
            case 'a' -> out.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'A' -> out.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            case 'b', 'h' -> out.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            case 'B' -> out.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", d, utc));
            case 'C' -> two(out, Math.floorDiv(d.getYear(), 100));
            case 'd' -> two(out, d.getDayOfMonth());
            case 'D', 'x' -> out.append(format("%m/%d/%y", d, utc));
            case 'e' -> padded(out, d.getDayOfMonth());
            case 'F' -> out.append(format("%Y-%m-%d", d, utc));
            case 'g' -> two(out, Math.floorMod(d.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'G' -> out.append(d.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(out, d.getHour());
            case 'I' -> two(out, twelve(d));
            case 'j' -> out.append(String.format("%03d", d.getDayOfYear()));
            case 'k' -> padded(out, d.getHour());
            case 'l' -> padded(out, twelve(d));
            case 'm' -> two(out, d.getMonthValue());
            case 'M' -> two(out, d.getMinute());
            case 'n' -> out.append('\n');
            case 'p' -> out.append(d.getHour() < 12 ? "AM" : "PM");
            case 'P' -> out.append(d.getHour() < 12 ? "am" : "pm");
            case 'r' -> out.append(format("%I:%M:%S %p", d, utc));
            case 'R' -> out.append(format("%H:%M", d, utc));
            case 's' -> out.append(d.toEpochSecond());
            case 'S' -> two(out, d.getSecond());
            case 't' -> out.append('\t');
            case 'T', 'X' -> out.append(format("%H:%M:%S", d, utc));
            case 'u' -> out.append(d.getDayOfWeek().getValue());
            case 'U' -> two(out, (d.getDayOfYear() + 6 - d.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(out, d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> out.append(d.getDayOfWeek().getValue() % 7);
            case 'W' -> two(out, (d.getDayOfYear() + 6 - (d.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'y' -> two(out, Math.floorMod(d.getYear(), 100));
            case 'Y' -> out.append(d.getYear());
            case 'z' -> zone(out, d.getOffset().getTotalSeconds());
            case 'Z' -> out.append(utc ? "GMT" : d.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
            case '%' -> out.append('%');
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int twelve(ZonedDateTime d) {
        int h = d.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static void two(StringBuilder out, int n) {
        if (n < 10) {
            out.append('0');
        }
        out.append(n);
    }

    private static void padded(StringBuilder out, int n) {
        if (n < 10) {
            out.append(' ');
        }
        out.append(n);
    }

    private static void zone(StringBuilder out, int seconds) {
        out.append(seconds < 0 ? '-' : '+');
        int minutes = Math.abs(seconds) / 60;
        two(out, minutes / 60);
        two(out, minutes % 60);
    }
}
