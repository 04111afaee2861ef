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
            // PCRE names the rest of the pattern from where it gave up, unless that is the end
            String at = e.offset >= 0 && e.offset < source.length() ? " at \"" + source.substring(e.offset) + "\"" : "";
            throw new RegexSyntaxError(e.getMessage() + quoted + at);
        }
        try {
            return new CompiledRegex(Pattern.compile(t.pattern(), options.javaFlags()), options, t.names());
        } catch (PatternSyntaxException e) {
            throw new RegexSyntaxError(pcreWords(e.getDescription()) + quoted);
        } catch (StackOverflowError e) {
            throw new RegexSyntaxError("regular expression is too large" + quoted);
        }
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
        if (java.startsWith("Look-behind group does not have an obvious maximum length")) {
            return "lookbehind assertion is not fixed length";
        }
        return java.isEmpty() ? java : Character.toLowerCase(java.charAt(0)) + java.substring(1);
    }
}
