package io.jresty.ngx.log;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The error log in nginx's format: {@code 2026/11/23 12:00:00 [error] 123#45: *6 message, client: ...}.
 * Lines below the configured level are dropped. Thread-safe: a line is written whole.
 */
public final class ErrorLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final PrintStream out;
    private final LogLevel threshold;
    private final Clock clock;
    private final long pid;

    public ErrorLog(PrintStream out, LogLevel threshold, Clock clock, long pid) {
        this.out = out;
        this.threshold = threshold;
        this.clock = clock;
        this.pid = pid;
    }

    public boolean enabled(LogLevel level) {
        return level.code() <= threshold.code();
    }

    public LogLevel threshold() {
        return threshold;
    }

    /** Writes one line; connection is nginx's "*N" number (0 for none), suffix the ", client: ..." tail. */
    public void log(LogLevel level, long connection, String message, String suffix) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(128);
        line.append(LocalDateTime.now(clock).format(TIME))
                .append(" [").append(level.word()).append("] ")
                .append(pid).append('#').append(Thread.currentThread().threadId() % 100000).append(": ");
        if (connection > 0) {
            line.append('*').append(connection).append(' ');
        }
        line.append(message);
        if (suffix != null && !suffix.isEmpty()) {
            line.append(suffix);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    public void log(LogLevel level, String message) {
        log(level, 0, message, null);
    }
}
