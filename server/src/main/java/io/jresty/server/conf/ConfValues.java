package io.jresty.server.conf;

import java.util.regex.Pattern;

/** nginx's readers of sizes ("8k", "1m"), times ("1m30s", "500ms") and numbers. */
final class ConfValues {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern SIZE = Pattern.compile("[0-9]+[kKmM]?");
    private static final Pattern OFFSET = Pattern.compile("[0-9]+[kKmMgG]?");
    /** ngx_parse_time's units, largest first; each may appear once, in this order. */
    private static final String UNITS = "yMwdhms";
    private static final int MSEC = UNITS.length() + 1;
    /** A blank after a bare number closes the value: nothing but one more bare number may follow. */
    private static final int LAST = UNITS.length() + 2;
    private static final long MAX_VALUE = Long.MAX_VALUE / 1000 / 10;

    private ConfValues() {
    }

    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches() && s.length() < 19;
    }

    static boolean isFlag(String s) {
        return s.equalsIgnoreCase("on") || s.equalsIgnoreCase("off");
    }

    static boolean isSize(String s) {
        return SIZE.matcher(s).matches() && s.length() < 19;
    }

    static boolean isOffset(String s) {
        return OFFSET.matcher(s).matches() && s.length() < 19;
    }

    /**
     * ngx_parse_time: "1h 30m", "1m30s", "500ms", "90" (seconds); units in falling order,
     * each once; "ms" only for millisecond settings, "y" and "M" only for second settings.
     */
    static boolean isTime(String s, boolean seconds) {
        int step = seconds ? 0 : 2;
        boolean digits = false;
        long value = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > MAX_VALUE) {
                    return false;
                }
                digits = true;
                continue;
            }
            int rank;
            if (c == 'm' && i < s.length() && s.charAt(i) == 's') {
                if (seconds || step >= MSEC) {
                    return false;
                }
                i++;
                rank = MSEC;
            } else if (c == ' ') {
                rank = LAST;
                if (step >= UNITS.indexOf('s') + 1) {
                    return false;
                }
            } else {
                rank = UNITS.indexOf(c) + 1;
                if (rank == 0) {
                    return false;
                }
                // "y" is refused once anything came before it (and always for milliseconds)
                if (rank == 1 ? step > 0 : step >= rank) {
                    return false;
                }
            }
            step = rank;
            value = 0;
            if (rank != LAST) {
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
            }
        }
        return digits;
    }

    /** ngx_conf_set_bufs_slot: a count above zero and a size (k or m) above zero. */
    static boolean isBufs(String count, String size) {
        return isNumber(count) && Long.parseLong(count) > 0 && isSize(size) && size(size) > 0;
    }

    /** ngx_parse_size for valid sizes; -1 otherwise. */
    static long size(String s) {
        if (!isOffset(s)) {
            return -1;
        }
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long scale = switch (unit) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * scale;
    }
}
