package io.jresty.ngx.re;

import java.util.List;

/**
 * The parenthesised constructs of a PCRE pattern for {@link PcreTranslator}: capturing groups
 * in every spelling, inline flags, comments and the leading (*VERB)s, refusing what
 * java.util.regex cannot do (recursion, conditionals, branch reset, callouts).
 */
final class PcreGroups {
    private static final List<String> SKIPPED_VERBS = List.of("UTF8", "UTF", "UCP", "NO_START_OPT", "CR", "LF",
            "CRLF", "ANYCRLF", "ANY", "BSR_ANYCRLF", "BSR_UNICODE", "NO_AUTO_POSSESS");

    private final PcreTranslator t;

    PcreGroups(PcreTranslator t) {
        this.t = t;
    }

    void group() throws RegexSyntaxError {
        char next = t.at(t.i + 1);
        if (next == '*') {
            verb();
            return;
        }
        if (next != '?') {
            t.names.add(null);
            t.out.append('(');
            t.i++;
            return;
        }
        char kind = t.at(t.i + 2);
        switch (kind) {
            case '#' -> {
                int end = t.src.indexOf(')', t.i);
                t.i = end < 0 ? t.src.length() : end + 1;
            }
            case '<' -> {
                if (t.at(t.i + 3) == '=' || t.at(t.i + 3) == '!') {
                    t.out.append("(?<").append(t.at(t.i + 3));
                    t.i += 4;
                } else {
                    namedGroup(t.i + 3, '>');
                }
            }
            case '\'' -> namedGroup(t.i + 3, '\'');
            case 'P' -> {
                char p = t.at(t.i + 3);
                if (p == '<') {
                    namedGroup(t.i + 4, '>');
                } else if (p == '=') {
                    int end = t.src.indexOf(')', t.i);
                    if (end < 0) {
                        throw t.error("missing )");
                    }
                    t.backReference(t.src.substring(t.i + 4, end), end);
                    t.i = end + 1;
                } else {
                    throw t.error("recursion and subroutine calls are not supported");
                }
            }
            case 'R', '&', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    throw t.error("recursion and subroutine calls are not supported");
            case '-' -> {
                if (Character.isDigit(t.at(t.i + 3))) {
                    throw t.error("recursion and subroutine calls are not supported");
                }
                inlineFlags();
            }
            case '|' -> throw t.error("branch reset groups are not supported");
            case '(' -> throw t.error("conditional groups are not supported");
            case 'C' -> throw t.error("callouts are not supported");
            case ':', '=', '!', '>' -> {
                t.out.append("(?").append(kind);
                t.i += 3;
            }
            default -> inlineFlags();
        }
    }

    /** (?imsx-imsx) and (?imsx-imsx: ...); PCRE's J and X mean nothing here, its U has no Java twin. */
    private void inlineFlags() throws RegexSyntaxError {
        int p = t.i + 2;
        StringBuilder flags = new StringBuilder();
        while (p < t.src.length() && t.src.charAt(p) != ')' && t.src.charAt(p) != ':') {
            char f = t.src.charAt(p++);
            switch (f) {
                case 'i', 'm', 's', 'x', '-' -> flags.append(f);
                case 'J', 'X' -> { }
                case 'U' -> throw t.error("the ungreedy flag (?U) is not supported");
                default -> throw t.error("unrecognized character after (? or (?-", p - 1);
            }
        }
        if (p >= t.src.length()) {
            throw t.error("missing )");
        }
        char end = t.src.charAt(p);
        String f = flags.toString();
        if (f.isEmpty() || f.equals("-")) {
            t.out.append(end == ':' ? "(?:" : "");
        } else {
            t.out.append("(?").append(f).append(end);
        }
        t.i = p + 1;
    }

    private void namedGroup(int nameStart, char close) throws RegexSyntaxError {
        int end = t.src.indexOf(close, nameStart);
        if (end < 0) {
            throw t.error("syntax error in subpattern name (missing terminator)");
        }
        String name = t.src.substring(nameStart, end);
        if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw t.error("group name must start with a non-digit", nameStart);
        }
        if (!t.duplicateNames && t.names.contains(name)) {
            throw new RegexSyntaxError("two named subpatterns have the same name", end);
        }
        t.names.add(name);
        t.out.append('(');
        t.i = end + 1;
    }

    private void verb() throws RegexSyntaxError {
        int end = t.src.indexOf(')', t.i);
        if (end < 0) {
            throw t.error("(*VERB) not recognized or malformed");
        }
        String verb = t.src.substring(t.i + 2, end);
        String bare = verb.replaceAll("=.*", "");
        if (SKIPPED_VERBS.contains(bare) || bare.startsWith("LIMIT_")) {
            t.i = end + 1;
        } else if (verb.equals("FAIL") || verb.equals("F")) {
            t.out.append("(?!)");
            t.i = end + 1;
        } else {
            throw t.error("(*VERB) not recognized or malformed");
        }
    }
}
