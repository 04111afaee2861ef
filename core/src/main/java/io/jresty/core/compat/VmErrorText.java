package io.jresty.core.compat;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LuaJ's run-time error texts ("attempt to call nil", "attempt to perform arithmetic __add on
 * number and nil") in the words LuaJIT uses when it has no variable name to add ("attempt to
 * call a nil value", "attempt to perform arithmetic on a nil value"), and with one when the
 * error carries it ("attempt to call global 'f' (a nil value)", see
 * {@code io.jresty.core.compile.ErrorNames}).
 */
final class VmErrorText {
    /** A LuaJ wording and how to say it as LuaJIT. */
    private record Rule(Pattern pattern, Function<MatchResult, String> rewrite) {}

    private static final List<Rule> RULES = List.of(
            rule("attempt to call (\\w+)", m -> "attempt to call a " + m.group(1) + " value"),
            rule("attempt to index \\? \\(a (\\w+) value\\)", m -> "attempt to index a " + m.group(1) + " value"),
            rule("attempt to perform arithmetic __\\w+ on (\\w+) and (\\w+)",
                    m -> "attempt to perform arithmetic on a " + offending(m, "number") + " value"),
            rule("attempt to perform arithmetic on (\\w+)", m -> "attempt to perform arithmetic on a " + m.group(1) + " value"),
            rule("attempt to concatenate (\\w+) and (\\w+)",
                    m -> "attempt to concatenate a " + offending(m, "string", "number") + " value"),
            rule("attempt to compare __l[te] on (\\w+) and (\\w+)", VmErrorText::compare),
            // LuaJ reports 1 < "x" from the string's side, the operands swapped
            rule("attempt to compare (\\w+) with (\\w+) expected, got \\w+",
                    m -> "attempt to compare " + m.group(2) + " with " + m.group(1)),
            // LuaJ's words when an assignment indexes a non-table
            rule("index expected, got (\\w+)", m -> "attempt to index a " + m.group(1) + " value"),
            rule("attempt to get length of (\\w+)", m -> "attempt to get length of a " + m.group(1) + " value"));

    private VmErrorText() {}

    private static Rule rule(String regex, Function<MatchResult, String> rewrite) {
        return new Rule(Pattern.compile(regex), rewrite);
    }

    /** An unnamed LuaJIT text, "attempt to index a nil value", cut where a name goes. */
    private static final Pattern UNNAMED = Pattern.compile("(attempt to .+?) an? (\\w+) value");

    /**
     * The LuaJIT text with the variable named, "attempt to index global 'cfg' (a nil value)",
     * when a variable is given; otherwise as {@link #luajit(String)}.
     */
    static String luajit(String message, String variable) {
        String text = luajit(message);
        if (variable == null) {
            return text;
        }
        Matcher m = UNNAMED.matcher(text);
        return m.matches() ? m.group(1) + " " + variable + " (a " + m.group(2) + " value)" : text;
    }

    static String luajit(String message) {
        if (!message.startsWith("attempt to ") && !message.startsWith("index expected, got ")) {
            return message;
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(message);
            if (m.matches()) {
                return r.rewrite().apply(m);
            }
        }
        return message;
    }

    /** The first operand whose type is not one the operation accepts. */
    private static String offending(MatchResult m, String... accepted) {
        for (int i = 1; i <= 2; i++) {
            if (!List.of(accepted).contains(m.group(i))) {
                return m.group(i);
            }
        }
        return m.group(2);
    }

    private static String compare(MatchResult m) {
        return m.group(1).equals(m.group(2))
                ? "attempt to compare two " + m.group(1) + " values"
                : "attempt to compare " + m.group(1) + " with " + m.group(2);
    }
}
