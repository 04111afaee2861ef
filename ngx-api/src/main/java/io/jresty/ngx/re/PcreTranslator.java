package io.jresty.ngx.re;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a PCRE pattern (as lua-nginx-module hands it to PCRE 8) into java.util.regex syntax.
 * Every capturing group becomes a plain numbered group, so names keep PCRE's rules
 * (underscores, duplicates with the D option) and we keep the name table ourselves.
 *
 * <p>Translated: named groups in all three spellings, named and relative back references
 * ({@code \k<n> \k'n' \k{n} \g{n} \g1 \g{-1} (?P=n)}), POSIX classes ({@code [[:alpha:]]},
 * {@code [[:^digit:]]}), a ']' first in a class, '[' and '&&' inside classes, '{' that does
 * not start a quantifier, octal and {@code \x} escapes, {@code \N}, {@code (?#...)} comments,
 * leading {@code (*UTF8)}-style verbs, whitespace in classes under {@code x}.
 *
 * <p>Not translatable (a compile error says so): recursion and subroutine calls
 * ({@code (?R) (?1) (?&n) (?P>n)}), conditional groups, branch reset {@code (?|}, callouts,
 * {@code \K}, {@code \C}, backtracking verbs other than {@code (*FAIL)}, and the ungreedy
 * inline flag {@code (?U)}. Semantics that differ silently: the {@code d} (DFA) option gives
 * the leftmost match rather than the longest; after an empty match the next search simply
 * moves on one character (lua-nginx-module's gsub does the same); a lookbehind of bounded
 * but variable length ({@code (?<=a+)}) compiles where PCRE 8 refuses it.
 *
 * <p>Compile errors use PCRE's words and its {@code at "..."} tail: the translator finds most
 * itself, and the positions of java.util.regex's errors are mapped back to the PCRE text.
 */
final class PcreTranslator {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("print", "Print"), Map.entry("graph", "Graph"),
            Map.entry("cntrl", "Cntrl"), Map.entry("xdigit", "XDigit"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));

    /** The Java pattern, and the PCRE name of each group (index 1..groups; null when unnamed). */
    record Translation(String pattern, List<String> names, int[] javaStarts, int[] sourceStarts) {
        int groups() {
            return names.size() - 1;
        }

        /** The pattern index a java.util.regex error index comes from (the token it is in). */
        int sourceIndex(int javaIndex) {
            int k = 0;
            while (k + 1 < javaStarts.length && javaStarts[k + 1] <= javaIndex) {
                k++;
            }
            return javaStarts.length == 0 ? 0 : sourceStarts[k];
        }
    }

    final String src;
    final boolean extended;
    final boolean duplicateNames;
    final StringBuilder out = new StringBuilder();
    final List<String> names = new ArrayList<>();
    /** The cursor in src. */
    int i;
    private final PcreGroups groups = new PcreGroups(this);
    private final PcreEscapes escapes = new PcreEscapes(this);
    /** Where each token starts in out and in src, to place Java's errors in the PCRE text. */
    private final List<int[]> starts = new ArrayList<>();
    /** Whether the last token was a quantifier, which PCRE does not let a {n} quantifier follow. */
    private boolean quantified;

    private PcreTranslator(String src, RegexOptions options) {
        this.src = src;
        this.extended = options.extended();
        this.duplicateNames = options.duplicateNames();
        names.add(null);
    }

    static Translation translate(String pattern, RegexOptions options) throws RegexSyntaxError {
        PcreTranslator t = new PcreTranslator(pattern, options);
        t.run();
        int[] javaStarts = t.starts.stream().mapToInt(p -> p[0]).toArray();
        int[] sourceStarts = t.starts.stream().mapToInt(p -> p[1]).toArray();
        return new Translation(t.out.toString(), java.util.Collections.unmodifiableList(new ArrayList<>(t.names)),
                javaStarts, sourceStarts);
    }

    private void run() throws RegexSyntaxError {
        while (i < src.length()) {
            mark();
            char c = src.charAt(i);
            boolean wasQuantified = quantified;
            quantified = false;
            switch (c) {
                case '\\' -> escapes.escape(false);
                case '[' -> characterClass();
                case '(' -> groups.group();
                case '{' -> brace(wasQuantified);
                case '*', '+', '?' -> {
                    // '+' and '?' after a quantifier make it possessive or lazy; a further one repeats nothing
                    quantified = true;
                    out.append(c);
                    i++;
                }
                case '#' -> {
                    if (extended) {
                        while (i < src.length() && src.charAt(i) != '\n') {
                            i++;
                        }
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    private void mark() {
        starts.add(new int[] {out.length(), i});
    }

    RegexSyntaxError error(String message) {
        return new RegexSyntaxError(message);
    }

    /** An error PCRE reports with the rest of the pattern from offset. */
    RegexSyntaxError error(String message, int offset) {
        return new RegexSyntaxError(message, offset);
    }

    char at(int p) {
        return p < src.length() ? src.charAt(p) : '\0';
    }

    static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    void literal(int codePoint) {
        out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    /** A reference by name, number or relative number (-1 is the last group opened so far). */
    void backReference(String ref, int offset) throws RegexSyntaxError {
        int group;
        if (ref.matches("-\\d+")) {
            group = names.size() - Integer.parseInt(ref.substring(1));
        } else if (ref.matches("\\+?\\d+")) {
            group = Integer.parseInt(ref.replace("+", ""));
        } else {
            group = names.indexOf(ref);
        }
        if (ref.equals("0") || ref.equals("+0")) {
            throw error("a numbered reference must not be zero", offset);
        }
        if (group <= 0) {
            throw error("reference to non-existent subpattern", offset);
        }
        out.append("(?:\\").append(group).append(')');
    }

    private void characterClass() throws RegexSyntaxError {
        out.append('[');
        i++;
        if (at(i) == '^') {
            out.append('^');
            i++;
        }
        if (at(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (true) {
            if (i >= src.length()) {
                throw error("missing terminating ] for character class");
            }
            mark();
            char c = src.charAt(i);
            if (c == ']') {
                out.append(']');
                i++;
                return;
            }
            if (c == '[' && at(i + 1) == ':') {
                posixClass();
            } else if (c == '\\') {
                escapes.escape(true);
            } else if (c == '[' || c == '&' || (extended && (c == '#' || Character.isWhitespace(c)))) {
                // Java reads these as nested classes, intersections or (under x) as nothing
                literal(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private void posixClass() throws RegexSyntaxError {
        int end = src.indexOf(":]", i + 2);
        if (end < 0) {
            literal('[');
            i++;
            return;
        }
        String name = src.substring(i + 2, end);
        boolean negate = name.startsWith("^");
        if (negate) {
            name = name.substring(1);
        }
        if (name.equals("word")) {
            out.append(negate ? "\\W" : "\\w");
        } else {
            String java = POSIX.get(name);
            if (java == null) {
                throw error("unknown POSIX class name", i + 2);
            }
            out.append(negate ? "\\P{" : "\\p{").append(java).append('}');
        }
        i = end + 2;
    }

    /** A '{' that starts no quantifier is a literal in PCRE and an error in Java. */
    private void brace(boolean afterQuantifier) throws RegexSyntaxError {
        int p = i + 1;
        while (Character.isDigit(at(p))) {
            p++;
        }
        String min = src.substring(i + 1, p);
        String max = min;
        boolean quantifier = false;
        if (!min.isEmpty()) {
            if (at(p) == '}') {
                quantifier = true;
            } else if (at(p) == ',') {
                int q = ++p;
                while (Character.isDigit(at(p))) {
                    p++;
                }
                max = src.substring(q, p);
                quantifier = at(p) == '}';
            }
        }
        if (quantifier) {
            if (tooBig(min) || tooBig(max)) {
                throw error("number too big in {} quantifier", p);
            }
            if (!max.isEmpty() && Integer.parseInt(max) < Integer.parseInt(min)) {
                throw error("numbers out of order in {} quantifier", p);
            }
            if (afterQuantifier) {
                throw error("nothing to repeat", p);
            }
            quantified = true;
            out.append(src, i, p + 1);
            i = p + 1;
            return;
        }
        out.append("\\{");
        i++;
    }

    /** PCRE 8 keeps repeat counts below 65536. */
    private static boolean tooBig(String digits) {
        return digits.length() > 5 || !digits.isEmpty() && Integer.parseInt(digits) > 65535;
    }
}
