package io.jresty.ngx.re;

import java.util.regex.Matcher;

/**
 * Searches one subject with one pattern, as pcre_exec does from a start offset: lookbehind
 * and '^' see the text before the start, and the a option anchors the match at the start.
 */
final class RegexSearch {
    final CompiledRegex regex;
    final RegexSubject subject;
    final Matcher matcher;

    RegexSearch(CompiledRegex regex, RegexSubject subject) {
        this.regex = regex;
        this.subject = subject;
        this.matcher = regex.pattern().matcher(subject);
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
    }

    /**
     * Looks for a match starting at or after the char index (exactly at it when anchored);
     * throws {@link RegexFailure} when the search gives up.
     */
    boolean find(int from) {
        if (from > subject.length()) {
            return false;
        }
        subject.resetBudget();
        try {
            if (regex.options().anchored()) {
                matcher.region(from, subject.length());
                return matcher.lookingAt();
            }
            return matcher.find(from);
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of some groups, such as (a|b)*
            throw RegexFailure.recursionLimit();
        }
    }

    /** Where the next search of gmatch/gsub starts: after the match, one character on if it was empty. */
    int next() {
        int end = matcher.end();
        if (end > matcher.start()) {
            return end;
        }
        if (end < subject.length() && Character.isHighSurrogate(subject.toString().charAt(end))) {
            return end + 2;
        }
        return end + 1;
    }
}
