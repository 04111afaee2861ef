package io.jresty.server.conf;

import java.util.regex.Pattern;

/** nginx's readers of sizes ("8k", "1m"), times ("1m30s", "500ms") and numbers. */
final class ConfValues {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern SIZE = Pattern.compile("[0-9]+[kKmM]?");
    private static final Pattern OFFSET = Pattern.compile("[0-9]+[kKmMgG]?");
    /** ngx_parse_time: number-unit pairs, blanks between them, the last unit may be left out. */
    private static final Pattern TIME = Pattern.compile("( *[0-9]+ *(ms|[smhdwMy]))* *([0-9]+)? *");

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

    static boolean isTime(String s) {
        return !s.isBlank() && TIME.matcher(s).matches();
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
