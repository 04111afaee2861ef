package io.jresty.ngx.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The HTTP date forms nginx writes (RFC 1123 and the cookie form) and the three it reads
 * (RFC 1123, RFC 850, asctime), with nginx's leniencies: names are checked by a few
 * letters only, nothing after the seconds is looked at, and a day 0 means the day before the 1st.
 */
final class HttpTime {
    /** 9999-12-31 23:59:59, where nginx's formatting stops. */
    static final long MAX_SECONDS = 253402300799L;
    private static final String[] WEEK = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private HttpTime() {}

    /** Seconds as nginx's time_t would hold them: truncated, negative and NaN as 0, capped at year 9999. */
    static long seconds(double t) {
        if (Double.isNaN(t) || Double.isInfinite(t) || t < 0) {
            return 0;
        }
        return (long) Math.min(t, MAX_SECONDS);
    }

    /** "Thu, 18 Nov 2010 11:27:35 GMT". */
    static String http(long seconds) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%s, %02d %s %d %02d:%02d:%02d GMT", WEEK[t.getDayOfWeek().ordinal()],
                t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    /** "Thu, 18-Nov-10 11:27:35 GMT"; years after 2037 keep four digits, as nginx writes them. */
    static String cookie(long seconds) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        String year = t.getYear() > 2037 ? Integer.toString(t.getYear()) : String.format(Locale.ROOT, "%02d", t.getYear() % 100);
        return String.format(Locale.ROOT, "%s, %02d-%s-%s %02d:%02d:%02d GMT", WEEK[t.getDayOfWeek().ordinal()],
                t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1], year, t.getHour(), t.getMinute(), t.getSecond());
    }

    /** Seconds since the epoch, or null when nginx's parser rejects the text. */
    static Long parse(byte[] s) {
        return new Reader(s).read();
    }

    private enum Form { RFC822, RFC850, ISOC }

    /** A cursor over the text; every read past the end rejects it. */
    private static final class Reader {
        private final byte[] s;
        private int p;

        Reader(byte[] s) {
            this.s = s;
        }

        private int at(int i) {
            return i < s.length ? s[i] & 0xff : -1;
        }

        private int left() {
            return s.length - p;
        }

        private int digits(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                int c = at(p + i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + c - '0';
            }
            p += n;
            return v;
        }

        Long read() {
            Form form = null;
            // the weekday ends at ',' (RFC 1123/850) or at a space (asctime)
            while (p < s.length) {
                if (s[p] == ',') {
                    break;
                }
                if (s[p] == ' ') {
                    form = Form.ISOC;
                    break;
                }
                p++;
            }
            p++;
            while (at(p) == ' ') {
                p++;
            }
            if (left() < 18) {
                return null;
            }
            int day = 0;
            if (form == null) {
                day = digits(2);
                if (day < 0) {
                    return null;
                }
                if (at(p) == ' ') {
                    if (left() < 18) {
                        return null;
                    }
                    form = Form.RFC822;
                } else if (at(p) == '-') {
                    form = Form.RFC850;
                } else {
                    return null;
                }
                p++;
            }
            int month = month(at(p), at(p + 1), at(p + 2));
            if (month < 0) {
                return null;
            }
            p += 3;
            int year = 0;
            switch (form) {
                case RFC822, RFC850 -> {
                    if (at(p++) != (form == Form.RFC822 ? ' ' : '-')) {
                        return null;
                    }
                    year = digits(form == Form.RFC822 ? 4 : 2);
                    if (year < 0) {
                        return null;
                    }
                    if (form == Form.RFC850) {
                        year += year < 70 ? 2000 : 1900;
                    }
                }
                case ISOC -> {
                    if (at(p++) != ' ') {
                        return null;
                    }
                    if (at(p) == ' ') {
                        p++;
                    }
                    day = digits(1);
                    if (day < 0) {
                        return null;
                    }
                    if (at(p) != ' ') {
                        int d = digits(1);
                        if (d < 0) {
                            return null;
                        }
                        day = day * 10 + d;
                    }
                }
            }
            if (at(p++) != ' ') {
                return null;
            }
            int hour = digits(2);
            if (hour < 0 || at(p++) != ':') {
                return null;
            }
            int min = digits(2);
            if (min < 0 || at(p++) != ':') {
                return null;
            }
            int sec = digits(2);
            if (sec < 0) {
                return null;
            }
            if (form == Form.ISOC) {
                if (at(p++) != ' ') {
                    return null;
                }
                year = digits(4);
                if (year < 0) {
                    return null;
                }
            }
            if (hour > 23 || min > 59 || sec > 59) {
                return null;
            }
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            if (day == 29 && month == 1 ? !leap : day > MONTH_DAYS[month]) {
                return null;
            }
            long days = LocalDate.of(year, month + 1, 1).toEpochDay() + day - 1;
            return days * 86400 + hour * 3600L + min * 60L + sec;
        }

        /** nginx tells months apart by the letters that differ, so "Jxn" is June. */
        private static int month(int a, int b, int c) {
            return switch (a) {
                case 'J' -> b == 'a' ? 0 : c == 'n' ? 5 : 6;
                case 'F' -> 1;
                case 'M' -> c == 'r' ? 2 : 4;
                case 'A' -> b == 'p' ? 3 : 7;
                case 'S' -> 8;
                case 'O' -> 9;
                case 'N' -> 10;
                case 'D' -> 11;
                default -> -1;
            };
        }
    }
}
