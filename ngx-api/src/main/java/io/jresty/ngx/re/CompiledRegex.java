package io.jresty.ngx.re;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled ngx.re pattern: the Java pattern, its options and the PCRE name of every group.
 * Immutable, so workers may share it.
 */
record CompiledRegex(Pattern pattern, RegexOptions options, List<String> names) {
    int groups() {
        return names.size() - 1;
    }

    /**
     * Compiles the pattern bytes (Latin-1 unless the options ask for UTF-8) or throws with
     * the text that follows "pcre_compile() failed: ".
     */
    static CompiledRegex compile(byte[] regex, RegexOptions options) throws RegexSyntaxError {
        String source = new String(regex, options.utf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String quoted = " in \"" + source + "\"";
        PcreTranslator.Translation t;
        try {
            t = PcreTranslator.translate(source, options);
        } catch (RegexSyntaxError e) {
            throw new RegexSyntaxError(e.getMessage() + quoted + rest(source, e.offset));
        }
        try {
            return new CompiledRegex(Pattern.compile(t.pattern(), options.javaFlags()), options, t.names());
        } catch (PatternSyntaxException e) {
            // an index at the end of the Java text (an unclosed group) is the end of the PCRE text too
            int at = e.getIndex() < 0 ? -1
                    : e.getIndex() >= t.pattern().length() ? source.length() : t.sourceIndex(e.getIndex());
            if (e.getDescription().startsWith("Unmatched closing ')'")) {
                at = unmatchedClose(source);
            }
            throw new RegexSyntaxError(pcreWords(e.getDescription()) + quoted + rest(source, at));
        } catch (StackOverflowError e) {
            throw new RegexSyntaxError("regular expression is too large" + quoted);
        }
    }

    /** The first ')' without its '(' (java.util.regex points at the group before it instead). */
    private static int unmatchedClose(String source) {
        int depth = 0;
        boolean inClass = false;
        for (int k = 0; k < source.length(); k++) {
            char c = source.charAt(k);
            if (c == '\\') {
                k++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (k + 1 < source.length() && source.charAt(k + 1) == ']') {
                    k++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return k;
            }
        }
        return -1;
    }

    /** PCRE names the rest of the pattern from where it gave up, unless that is the end. */
    private static String rest(String source, int offset) {
        return offset >= 0 && offset < source.length() ? " at \"" + source.substring(offset) + "\"" : "";
    }

    /** PCRE's words for the mistakes java.util.regex reports in its own. */
    private static String pcreWords(String java) {
        if (java.startsWith("Unclosed group")) {
            return "missing )";
        }
        if (java.startsWith("Unmatched closing ')'")) {
            return "unmatched parentheses";
        }
        if (java.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class";
        }
        if (java.startsWith("Dangling meta character")) {
            return "nothing to repeat";
        }
        if (java.startsWith("Illegal/unsupported escape sequence")) {
            return "unrecognized character follows \\";
        }
        if (java.startsWith("Illegal character range")) {
            return "range out of order in character class";
        }
        if (java.startsWith("Unknown character property") || java.startsWith("Unknown Unicode property")
                || java.startsWith("Unknown character script name")) {
            return "unknown property name after \\P or \\p";
        }
        if (java.startsWith("Look-behind group does not have an obvious maximum length")) {
            return "lookbehind assertion is not fixed length";
        }
        return java.isEmpty() ? java : Character.toLowerCase(java.charAt(0)) + java.substring(1);
    }
}
