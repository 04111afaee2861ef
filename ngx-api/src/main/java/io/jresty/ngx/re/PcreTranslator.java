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
                case '\\' -> escape(false);
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

    private boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private void literal(int codePoint) {
        out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    private void escape(boolean inClass) throws RegexSyntaxError {
        if (i + 1 >= src.length()) {
            throw error("\\ at end of pattern");
        }
        char d = src.charAt(i + 1);
        switch (d) {
            case 'Q' -> {
                int end = src.indexOf("\\E", i + 2);
                String text = end < 0 ? src.substring(i + 2) : src.substring(i + 2, end);
                for (int k = 0; k < text.length(); k++) {
                    literal(text.charAt(k));
                }
                i = end < 0 ? src.length() : end + 2;
            }
            case 'E' -> i += 2;
            case '0' -> {
                int p = i + 2;
                int v = 0;
                while (p < i + 4 && isOctal(at(p))) {
                    v = v * 8 + at(p++) - '0';
                }
                literal(v);
                i = p;
            }
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> digitsEscape(inClass);
            case 'x' -> hexEscape();
            case 'o' -> {
                int close = src.indexOf('}', i + 2);
                if (at(i + 2) != '{' || close < 0) {
                    throw error("missing opening brace after \\o");
                }
                literal(Integer.parseInt(src.substring(i + 3, close), 8));
                i = close + 1;
            }
            case 'k' -> namedReference(i + 2);
            case 'g' -> gReference();
            case 'K' -> throw error("\\K is not supported");
            case 'C' -> throw error("\\C is not supported");
            case 'N' -> {
                out.append(inClass ? "N" : "[^\\n]");
                i += 2;
            }
            case 'b' -> {
                out.append(inClass ? "\\x{8}" : "\\b");
                i += 2;
            }
            case 'p', 'P' -> property(d);
            default -> {
                out.append('\\').append(d);
                i += 2;
            }
        }
    }

    /** \1..\9 are back references; longer numbers too when that many groups exist, else octal. */
    private void digitsEscape(boolean inClass) {
        int p = i + 1;
        while (Character.isDigit(at(p))) {
            p++;
        }
        String digits = src.substring(i + 1, p);
        boolean octal = digits.chars().allMatch(ch -> ch <= '7');
        if (inClass || (digits.length() > 1 && octal && Integer.parseInt(digits) > countGroups())) {
            int q = i + 1;
            int v = 0;
            while (q < i + 4 && isOctal(at(q))) {
                v = v * 8 + at(q++) - '0';
            }
            literal(v);
            i = q;
            return;
        }
        out.append("(?:\\").append(Integer.parseInt(digits)).append(')');
        i = p;
    }

    /** Capturing groups of the whole pattern, counted roughly (for PCRE's octal-or-reference rule). */
    private int countGroups() {
        int n = 0;
        for (int k = 0; k < src.length(); k++) {
            char c = src.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '(' && (at(k + 1) != '?' || at(k + 2) == '<' && at(k + 3) != '=' && at(k + 3) != '!'
                    || at(k + 2) == 'P' && at(k + 3) == '<' || at(k + 2) == '\'')) {
                n++;
            }
        }
        return n;
    }

    private void hexEscape() {
        int p = i + 2;
        int v;
        if (at(p) == '{') {
            int close = src.indexOf('}', p);
            v = Integer.parseInt(src.substring(p + 1, close), 16);
            p = close + 1;
        } else {
            v = 0;
            int start = p;
            while (p < start + 2 && Character.digit(at(p), 16) >= 0) {
                v = v * 16 + Character.digit(at(p++), 16);
            }
        }
        literal(v);
        i = p;
    }

    private void property(char d) throws RegexSyntaxError {
        if (at(i + 2) != '{') {
            out.append('\\').append(d).append(at(i + 2));
            i += 3;
            return;
        }
        int close = src.indexOf('}', i + 2);
        String name = src.substring(i + 3, close < 0 ? src.length() : close);
        boolean negate = name.startsWith("^");
        if (negate) {
            name = name.substring(1);
        }
        char letter = negate ? (d == 'p' ? 'P' : 'p') : d;
        // PCRE names scripts bare (\p{Greek}); Java wants them as IsGreek
        String javaName = name.equals("Any") ? "all" : name.length() <= 2 ? name : "Is" + name;
        String escape = "\\" + letter + "{" + javaName + "}";
        try {
            java.util.regex.Pattern.compile(escape);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw error("unknown property name after \\P or \\p", close < 0 ? src.length() : close);
        }
        out.append(escape);
        i = close < 0 ? src.length() : close + 1;
    }

    private void namedReference(int p) throws RegexSyntaxError {
        char open = at(p);
        char close = switch (open) {
            case '<' -> '>';
            case '\'' -> '\'';
            case '{' -> '}';
            default -> '\0';
        };
        int end = close == '\0' ? -1 : src.indexOf(close, p + 1);
        if (end < 0) {
            throw error("\\k is not followed by a braced, angle-bracketed, or quoted name");
        }
        backReference(src.substring(p + 1, end), end);
        i = end + 1;
    }

    private void gReference() throws RegexSyntaxError {
        int p = i + 2;
        String ref;
        int offset;
        if (at(p) == '{') {
            int end = src.indexOf('}', p);
            if (end < 0) {
                throw error("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number");
            }
            ref = src.substring(p + 1, end);
            offset = end;
            i = end + 1;
        } else {
            int q = p;
            if (at(q) == '-' || at(q) == '+') {
                q++;
            }
            while (Character.isDigit(at(q))) {
                q++;
            }
            ref = src.substring(p, q);
            offset = q;
            i = q;
        }
        backReference(ref, offset);
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
                escape(true);
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
