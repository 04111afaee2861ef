package io.jresty.core.dynacode;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A domain name or skip_domains entry as dynacode matches it: {@code *} matches every host,
 * anything else is a regex searched (unanchored, case-sensitive) in the lowercased host, as
 * {@code ngx.re.find(host, name, "o")} does. A regex that does not compile never matches;
 * {@link #error()} says why so the builder can report it once.
 */
record HostPattern(String source, Pattern regex, String error) {

    static HostPattern of(String source) {
        if (source.equals("*")) {
            return new HostPattern(source, null, null);
        }
        try {
            return new HostPattern(source, Pattern.compile(source), null);
        } catch (PatternSyntaxException e) {
            return new HostPattern(source, null, e.getDescription());
        }
    }

    boolean matches(String host) {
        if (error != null) {
            return false;
        }
        return regex == null || regex.matcher(host).find();
    }
}
