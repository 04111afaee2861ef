package io.jresty.ngx.re;

import io.jresty.ngx.api.ApiError;
import java.util.regex.Pattern;

/**
 * The option letters of ngx.re: {@code a} anchored, {@code d} DFA (here: the whole match only),
 * {@code D} duplicate names, {@code i} caseless, {@code j} JIT (nothing to do on the JVM),
 * {@code J} JavaScript compatibility (ignored), {@code m} multi-line, {@code o} compile once,
 * {@code s} dot matches newline, {@code u} UTF-8 (checked), {@code U} UTF-8 (unchecked),
 * {@code x} extended.
 */
record RegexOptions(String letters, int javaFlags, boolean utf8, boolean checkUtf8, boolean anchored, boolean dfa,
        boolean duplicateNames, boolean extended, boolean compileOnce) {

    static final RegexOptions NONE = parse("");

    /** Raises lua-resty-core's error for an unknown letter. */
    static RegexOptions parse(String letters) {
        // PCRE's newline is LF only, as nginx builds it
        int flags = Pattern.UNIX_LINES;
        boolean utf8 = false;
        boolean check = false;
        boolean anchored = false;
        boolean dfa = false;
        boolean dup = false;
        boolean extended = false;
        boolean once = false;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            switch (c) {
                case 'a' -> anchored = true;
                case 'd' -> dfa = true;
                case 'D' -> dup = true;
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE;
                case 'j', 'J' -> { }
                case 'm' -> flags |= Pattern.MULTILINE;
                case 'o' -> once = true;
                case 's' -> flags |= Pattern.DOTALL;
                case 'u' -> {
                    utf8 = true;
                    check = true;
                }
                case 'U' -> utf8 = true;
                case 'x' -> {
                    flags |= Pattern.COMMENTS;
                    extended = true;
                }
                default -> throw new ApiError("unknown flag \"" + c + "\" (flags \"" + letters + "\")");
            }
        }
        if (utf8 && (flags & Pattern.CASE_INSENSITIVE) != 0) {
            // PCRE folds the case of non-ASCII characters in UTF-8 mode only
            flags |= Pattern.UNICODE_CASE;
        }
        return new RegexOptions(letters, flags, utf8, check, anchored, dfa, dup, extended, once);
    }
}
