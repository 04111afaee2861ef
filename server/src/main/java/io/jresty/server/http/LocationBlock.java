package io.jresty.server.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A location block: how it matches, what it runs, and its nested locations.
 *
 * @param regex    compiled pattern for ~ and ~*, else null
 * @param rewrites rewrite-module statements of this level, in conf order
 * @param content  how the content phase is served
 */
public record LocationBlock(
        Modifier modifier,
        String pattern,
        Pattern regex,
        Settings settings,
        List<RewriteStep> rewrites,
        boolean internal,
        List<LocationBlock> nested) {

    /** The location modifiers of nginx. */
    public enum Modifier {
        EXACT("="), PREFERRED_PREFIX("^~"), PREFIX(""), REGEX("~"), REGEX_CASELESS("~*"), NAMED("@");

        private final String text;

        Modifier(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public boolean isRegex() {
            return this == REGEX || this == REGEX_CASELESS;
        }
    }

    public String describe() {
        return modifier == Modifier.NAMED ? pattern : (modifier.text().isEmpty() ? pattern : modifier.text() + " " + pattern);
    }
}
