package io.jresty.ngx.re;

/**
 * The backslash escapes of a PCRE pattern for {@link PcreTranslator}: octal and hex
 * characters, back references in all their spellings, Unicode properties under PCRE's names,
 * {@code \Q...\E}, {@code \N}; {@code \K} and {@code \C} are refused.
 */
final class PcreEscapes {
    private final PcreTranslator t;

    PcreEscapes(PcreTranslator t) {
        this.t = t;
    }

    void escape(boolean inClass) throws RegexSyntaxError {
        if (t.i + 1 >= t.src.length()) {
            throw t.error("\\ at end of pattern");
        }
        char d = t.src.charAt(t.i + 1);
        switch (d) {
            case 'Q' -> {
                int end = t.src.indexOf("\\E", t.i + 2);
                String text = end < 0 ? t.src.substring(t.i + 2) : t.src.substring(t.i + 2, end);
                for (int k = 0; k < text.length(); k++) {
                    t.literal(text.charAt(k));
                }
                t.i = end < 0 ? t.src.length() : end + 2;
            }
            case 'E' -> t.i += 2;
            case '0' -> {
                int p = t.i + 2;
                int v = 0;
                while (p < t.i + 4 && PcreTranslator.isOctal(t.at(p))) {
                    v = v * 8 + t.at(p++) - '0';
                }
                t.literal(v);
                t.i = p;
            }
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> digitsEscape(inClass);
            case 'x' -> hexEscape();
            case 'o' -> {
                int close = t.src.indexOf('}', t.i + 2);
                if (t.at(t.i + 2) != '{' || close < 0) {
                    throw t.error("missing opening brace after \\o");
                }
                t.literal(Integer.parseInt(t.src.substring(t.i + 3, close), 8));
                t.i = close + 1;
            }
            case 'k' -> namedReference(t.i + 2);
            case 'g' -> gReference();
            case 'K' -> throw t.error("\\K is not supported");
            case 'C' -> throw t.error("\\C is not supported");
            case 'N' -> {
                t.out.append(inClass ? "N" : "[^\\n]");
                t.i += 2;
            }
            case 'b' -> {
                t.out.append(inClass ? "\\x{8}" : "\\b");
                t.i += 2;
            }
            case 'p', 'P' -> property(d);
            default -> {
                t.out.append('\\').append(d);
                t.i += 2;
            }
        }
    }

    /** \1..\9 are back references; longer numbers too when that many groups exist, else octal. */
    private void digitsEscape(boolean inClass) {
        int p = t.i + 1;
        while (Character.isDigit(t.at(p))) {
            p++;
        }
        String digits = t.src.substring(t.i + 1, p);
        boolean octal = digits.chars().allMatch(ch -> ch <= '7');
        if (inClass || (digits.length() > 1 && octal && Integer.parseInt(digits) > countGroups())) {
            int q = t.i + 1;
            int v = 0;
            while (q < t.i + 4 && PcreTranslator.isOctal(t.at(q))) {
                v = v * 8 + t.at(q++) - '0';
            }
            t.literal(v);
            t.i = q;
            return;
        }
        t.out.append("(?:\\").append(Integer.parseInt(digits)).append(')');
        t.i = p;
    }

    /** Capturing groups of the whole pattern, counted roughly (for PCRE's octal-or-reference rule). */
    private int countGroups() {
        int n = 0;
        for (int k = 0; k < t.src.length(); k++) {
            char c = t.src.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '(' && (t.at(k + 1) != '?' || t.at(k + 2) == '<' && t.at(k + 3) != '=' && t.at(k + 3) != '!'
                    || t.at(k + 2) == 'P' && t.at(k + 3) == '<' || t.at(k + 2) == '\'')) {
                n++;
            }
        }
        return n;
    }

    private void hexEscape() {
        int p = t.i + 2;
        int v;
        if (t.at(p) == '{') {
            int close = t.src.indexOf('}', p);
            v = Integer.parseInt(t.src.substring(p + 1, close), 16);
            p = close + 1;
        } else {
            v = 0;
            int start = p;
            while (p < start + 2 && Character.digit(t.at(p), 16) >= 0) {
                v = v * 16 + Character.digit(t.at(p++), 16);
            }
        }
        t.literal(v);
        t.i = p;
    }

    private void property(char d) throws RegexSyntaxError {
        if (t.at(t.i + 2) != '{') {
            t.out.append('\\').append(d).append(t.at(t.i + 2));
            t.i += 3;
            return;
        }
        int close = t.src.indexOf('}', t.i + 2);
        String name = t.src.substring(t.i + 3, close < 0 ? t.src.length() : close);
        boolean negate = name.startsWith("^");
        if (negate) {
            name = name.substring(1);
        }
        char letter = negate ? (d == 'p' ? 'P' : 'p') : d;
        // PCRE t.names scripts bare (\p{Greek}); Java wants them as IsGreek
        String javaName = name.equals("Any") ? "all" : name.length() <= 2 ? name : "Is" + name;
        String escape = "\\" + letter + "{" + javaName + "}";
        try {
            java.util.regex.Pattern.compile(escape);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw t.error("unknown property name after \\P or \\p", close < 0 ? t.src.length() : close);
        }
        t.out.append(escape);
        t.i = close < 0 ? t.src.length() : close + 1;
    }

    private void namedReference(int p) throws RegexSyntaxError {
        char open = t.at(p);
        char close = switch (open) {
            case '<' -> '>';
            case '\'' -> '\'';
            case '{' -> '}';
            default -> '\0';
        };
        int end = close == '\0' ? -1 : t.src.indexOf(close, p + 1);
        if (end < 0) {
            throw t.error("\\k is not followed by a braced, angle-bracketed, or quoted name");
        }
        t.backReference(t.src.substring(p + 1, end), end);
        t.i = end + 1;
    }

    private void gReference() throws RegexSyntaxError {
        int p = t.i + 2;
        String ref;
        int offset;
        if (t.at(p) == '{') {
            int end = t.src.indexOf('}', p);
            if (end < 0) {
                throw t.error("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number");
            }
            ref = t.src.substring(p + 1, end);
            offset = end;
            t.i = end + 1;
        } else {
            int q = p;
            if (t.at(q) == '-' || t.at(q) == '+') {
                q++;
            }
            while (Character.isDigit(t.at(q))) {
                q++;
            }
            ref = t.src.substring(p, q);
            offset = q;
            t.i = q;
        }
        t.backReference(ref, offset);
    }
}
