package io.jresty.core.dynacode;

import java.util.function.Consumer;

/**
 * Logs a run of failed polls once: a line at the first failure, one when a poll succeeds
 * again. dynacode logs every failed tick of every worker; with a 5 s interval that floods
 * the error log while the API is down. Confined to the polling thread.
 */
final class FailureStreak {
    private final Consumer<String> errorLog;
    private int failures;

    FailureStreak(Consumer<String> errorLog) {
        this.errorLog = errorLog;
    }

    void failed(String line) {
        if (failures++ == 0) {
            errorLog.accept(line);
        }
    }

    void succeeded(String what) {
        if (failures > 0) {
            errorLog.accept("[dynacode] " + what + " is reachable again after " + failures + " failed polls");
            failures = 0;
        }
    }

    int length() {
        return failures;
    }
}
