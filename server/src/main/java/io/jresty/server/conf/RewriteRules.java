package io.jresty.server.conf;

import java.util.List;
import java.util.Set;

/**
 * The rewrite module's own argument checks for {@code return}, {@code rewrite}, {@code set}
 * and {@code if}, in its words. Variable names and regexes are not checked here: nginx
 * knows its variables only after all modules registered them, and PCRE is not Java's regex.
 */
final class RewriteRules {
    private static final Set<String> REWRITE_FLAGS = Set.of("last", "break", "redirect", "permanent");
    private static final Set<String> COMPARISONS = Set.of("=", "!=", "~", "~*", "!~", "!~*");
    private static final Set<Character> FILE_TESTS = Set.of('f', 'd', 'e', 'x');

    private RewriteRules() {
    }

    static void checkReturn(List<String> args, String where) throws ConfException {
        String code = args.get(0);
        boolean number = ConfValues.isNumber(code);
        boolean redirect = args.size() == 1
            && (code.startsWith("http://") || code.startsWith("https://") || code.startsWith("$scheme"));
        if ((!number && !redirect) || (number && Long.parseLong(code) > 999)) {
            throw new ConfException("invalid return code \"" + code + "\" " + where);
        }
    }

    static void checkRewrite(List<String> args, String where) throws ConfException {
        if (args.size() == 3 && !REWRITE_FLAGS.contains(args.get(2))) {
            throw new ConfException("invalid parameter \"" + args.get(2) + "\" " + where);
        }
    }

    /** A variable to be set ({@code set}, {@code set_by_lua*}, {@code map}'s result): "$" and a name. */
    static void checkVariable(String name, String where) throws ConfException {
        if (name.length() < 2 || name.charAt(0) != '$') {
            throw new ConfException("invalid variable name \"" + name + "\" " + where);
        }
    }

    /** ngx_http_rewrite_if_condition's shape checks; words are the directive's arguments. */
    static void checkIf(List<String> args, String where) throws ConfException {
        String[] value = args.toArray(new String[0]);
        int cur = 0;
        int last = value.length - 1;
        if (value[0].isEmpty() || value[0].charAt(0) != '(') {
            throw invalid(value[0], where);
        }
        if (value[0].length() == 1) {
            cur = 1;
        } else {
            value[0] = value[0].substring(1);
        }
        if (value[last].isEmpty() || value[last].charAt(value[last].length() - 1) != ')') {
            throw invalid(value[last], where);
        }
        if (value[last].length() == 1) {
            last--;
        } else {
            value[last] = value[last].substring(0, value[last].length() - 1);
        }
        if (cur > last || cur >= value.length) {
            // "if ( )": nginx looks at the ")" it just set aside
            throw invalid(value[Math.min(cur, value.length - 1)], where);
        }
        String p = value[cur];
        if (p.length() > 1 && p.charAt(0) == '$') {
            if (cur != last && cur + 2 != last) {
                throw invalid(p, where);
            }
            if (cur != last && !COMPARISONS.contains(value[cur + 1])) {
                throw new ConfException("unexpected \"" + value[cur + 1] + "\" in condition " + where);
            }
            return;
        }
        boolean test = p.length() == 2 && p.charAt(0) == '-';
        boolean negated = p.length() == 3 && p.startsWith("!-");
        if (test || negated) {
            if (cur + 1 != last) {
                throw invalid(p, where);
            }
            if (FILE_TESTS.contains(p.charAt(p.length() - 1))) {
                return;
            }
        }
        throw invalid(p, where);
    }

    private static ConfException invalid(String condition, String where) {
        return new ConfException("invalid condition \"" + condition + "\" " + where);
    }
}
