package io.jresty.server.http;

import java.util.Locale;

/** nginx's size and time values: "1m", "512k", "10s", "75", "1h". */
public final class Sizes {
    private Sizes() {}

    /** Bytes of "10", "10k", "10m", "1g"; -1 when invalid. */
    public static long bytes(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'k' -> unit = 1024;
            case 'm' -> unit = 1024 * 1024;
            case 'g' -> unit = 1024L * 1024 * 1024;
            default -> { }
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits) * unit;
    }

    /** Milliseconds of "75", "75s", "500ms", "1m", "1h"; -1 when invalid. */
    public static long millis(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit;
        String digits;
        if (t.endsWith("ms")) {
            unit = 1;
            digits = t.substring(0, t.length() - 2);
        } else {
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            unit = switch (last) {
                case 's' -> 1000;
                case 'm' -> 60_000;
                case 'h' -> 3_600_000;
                case 'd' -> 86_400_000;
                default -> 0;
            };
            digits = unit == 0 ? t : t.substring(0, t.length() - 1);
            if (unit == 0) {
                unit = 1000;
            }
        }
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits) * unit;
    }
}
