package io.jresty.ngx.log;

import java.util.Locale;

/** nginx's error-log levels with the numbers lua-nginx-module gives them (ngx.ERR == 4). */
public enum LogLevel {
    STDERR(0), EMERG(1), ALERT(2), CRIT(3), ERR(4), WARN(5), NOTICE(6), INFO(7), DEBUG(8);

    private final int code;

    LogLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The word in brackets in a log line: "error" for ERR, as nginx writes it. */
    public String word() {
        return this == ERR ? "error" : name().toLowerCase(Locale.ROOT);
    }

    public static LogLevel ofCode(int code) {
        for (LogLevel l : values()) {
            if (l.code == code) {
                return l;
            }
        }
        return null;
    }

    /** The level of an error_log directive word ("error", "warn", ...), or null. */
    public static LogLevel ofWord(String word) {
        for (LogLevel l : values()) {
            if (l.word().equals(word)) {
                return l;
            }
        }
        return null;
    }
}
