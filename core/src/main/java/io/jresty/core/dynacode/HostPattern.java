package io.jresty.core.dynacode;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A domain name or skip_domains entry as dynacode matches it: {@code *} matches every host,
 * anything else is a regex searched (unanchored, case-sensitive) in the lowercased host, as
 * {@code ngx.re.find(host, name, "o")} does. A regex that does not compile never matches;
 * {@link #error()} says why so the builder can report it once. The host comes from the
 * client, so a match is bounded in steps: a backtracking regex gives up (no match, reported
 * once) instead of holding a request thread.
 */
final class HostPattern {
    static final int MAX_STEPS = 100_000;

    private final String source;
    private final Pattern regex;
    private final String error;
    private final Consumer<String> errorLog;
    private final AtomicBoolean reportedRunaway = new AtomicBoolean();

    private HostPattern(String source, Pattern regex, String error, Consumer<String> errorLog) {
        this.source = source;
        this.regex = regex;
        this.error = error;
        this.errorLog = errorLog;
    }

    static HostPattern of(String source, Consumer<String> errorLog) {
        if (source.equals("*")) {
            return new HostPattern(source, null, null, errorLog);
        }
        try {
            return new HostPattern(source, Pattern.compile(source), null, errorLog);
        } catch (PatternSyntaxException e) {
            return new HostPattern(source, null, e.getDescription(), errorLog);
        }
    }

    String source() {
        return source;
    }

    /** Why the regex does not compile, or null. */
    String error() {
        return error;
    }

    boolean matches(String host) {
        if (error != null) {
            return false;
        }
        if (regex == null) {
            return true;
        }
        try {
            return regex.matcher(new StepLimitedText(host, MAX_STEPS)).find();
        } catch (StepLimitedText.TooManySteps e) {
            if (reportedRunaway.compareAndSet(false, true)) {
                errorLog.accept("[dynacode] the regex \"" + source + "\" took more than " + MAX_STEPS
                        + " steps on host \"" + host + "\"; treated as no match");
            }
            return false;
        }
    }
}
