package io.jresty.server.proxy;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.http.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * nginx's proxy_redirect: rewrites the Location header and the url= part of Refresh from an
 * upstream. The first rule that matches wins: a plain rule replaces a matching prefix (its
 * parts may have variables), a {@code ~}/{@code ~*} rule replaces the whole value when the
 * regex is found in it (with $1.. of that regex in the replacement). {@code default} is the
 * proxy_pass URL replaced by the location's name. Without any proxy_redirect, nginx applies
 * {@code default} unless proxy_pass has variables.
 *
 * @param off   proxy_redirect off
 * @param rules the rules of the nearest level that has some (empty: the implicit default)
 */
record ProxyRedirect(boolean off, List<Rule> rules) {
    static final ProxyRedirect IMPLICIT = new ProxyRedirect(false, List.of());

    /** One proxy_redirect line. */
    sealed interface Rule permits Default, Prefix, Regex {}

    /** proxy_redirect default. */
    record Default() implements Rule {}

    /** proxy_redirect redirect replacement. */
    record Prefix(Template redirect, Template replacement) implements Rule {}

    /** proxy_redirect ~regex replacement or ~*regex replacement. */
    record Regex(Pattern regex, Template replacement) implements Rule {}

    /**
     * This level after its proxy_redirect lines, in nginx's checks: "off" and "default" stand alone, and
     * "default" needs a proxy_pass without variables above it in the same block.
     */
    static ProxyRedirect apply(ProxyRedirect inherited, List<ConfDirective> block) throws ConfException {
        List<Rule> rules = new ArrayList<>();
        boolean off = false;
        ProxyPass pass = null;
        for (ConfDirective d : block) {
            if (d.name().equals("proxy_pass")) {
                pass = ProxyPass.parse(d.arg(0));
            }
            if (!d.name().equals("proxy_redirect")) {
                continue;
            }
            if (off || (d.args().size() == 1 && d.arg(0).equals("off") && !rules.isEmpty())) {
                throw new ConfException("\"proxy_redirect\" directive is duplicate " + d.where());
            }
            if (d.args().size() == 1) {
                switch (d.arg(0)) {
                    case "off" -> off = true;
                    case "default" -> {
                        if (pass == null) {
                            throw new ConfException("\"proxy_redirect default\" should be placed after the "
                                    + "\"proxy_pass\" directive " + d.where());
                        }
                        if (pass.hasVariables()) {
                            throw new ConfException("\"proxy_redirect default\" cannot be used with "
                                    + "\"proxy_pass\" directive with variables " + d.where());
                        }
                        rules.add(new Default());
                    }
                    default -> throw new ConfException("invalid parameter \"" + d.arg(0) + "\" " + d.where());
                }
                continue;
            }
            if (d.args().size() != 2) {
                throw new ConfException("invalid number of arguments in \"proxy_redirect\" directive " + d.where());
            }
            rules.add(rule(d));
        }
        if (off) {
            return new ProxyRedirect(true, List.of());
        }
        return rules.isEmpty() ? inherited : new ProxyRedirect(false, List.copyOf(rules));
    }

    private static Rule rule(ConfDirective d) throws ConfException {
        String from = d.arg(0);
        Template to = ProxyDirectives.template(d, d.arg(1));
        if (!from.startsWith("~")) {
            return new Prefix(ProxyDirectives.template(d, from), to);
        }
        boolean caseless = from.startsWith("~*");
        String regex = from.substring(caseless ? 2 : 1);
        try {
            return new Regex(Pattern.compile(regex, caseless ? Pattern.CASE_INSENSITIVE : 0), to);
        } catch (PatternSyntaxException e) {
            throw new ConfException("pcre_compile() failed: " + e.getDescription() + " in \"" + regex + "\" "
                    + d.where());
        }
    }

    /**
     * The Location value after the rules, or null when none matched (then nginx passes it as it came, and
     * a relative one stays relative).
     */
    String location(String value, ProxyPass pass, String locationName, Function<String, String> vars) {
        return rewrite(value, pass, locationName, vars);
    }

    /** The Refresh value with its url= part rewritten, or null when none matched. */
    String refresh(String value, ProxyPass pass, String locationName, Function<String, String> vars) {
        int at = value.toLowerCase(Locale.ROOT).indexOf("url=");
        if (at < 0) {
            return null;
        }
        String tail = rewrite(value.substring(at + 4), pass, locationName, vars);
        return tail == null ? null : value.substring(0, at + 4) + tail;
    }

    private String rewrite(String value, ProxyPass pass, String locationName, Function<String, String> vars) {
        if (off) {
            return null;
        }
        if (rules.isEmpty()) {
            return pass.hasVariables() ? null : byDefault(value, pass, locationName);
        }
        for (Rule rule : rules) {
            String out = switch (rule) {
                case Default ignored -> byDefault(value, pass, locationName);
                case Prefix p -> {
                    String from = p.redirect().expand(vars);
                    yield value.startsWith(from) ? p.replacement().expand(vars) + value.substring(from.length())
                            : null;
                }
                case Regex x -> {
                    Matcher m = x.regex().matcher(value);
                    yield m.find() ? x.replacement().expand(name -> capture(m, name, vars)) : null;
                }
            };
            if (out != null) {
                return out;
            }
        }
        return null;
    }

    /** The URL (plus "/" when it has no URI part) replaced by the location's name (or "/"). */
    private static String byDefault(String value, ProxyPass pass, String locationName) {
        if (pass.hasVariables()) {
            return null;
        }
        String url = pass.template().source();
        String from = pass.uri() != null ? url : url + "/";
        String to = pass.uri() != null ? locationName : "/";
        return value.startsWith(from) ? to + value.substring(from.length()) : null;
    }

    /** $1.. and named groups of the proxy_redirect regex, as nginx's regex exec sets them; else variables. */
    private static String capture(Matcher m, String name, Function<String, String> vars) {
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(name);
            return n <= m.groupCount() && m.group(n) != null ? m.group(n) : "";
        }
        if (m.pattern().namedGroups().containsKey(name)) {
            String g = m.group(name);
            return g == null ? "" : g;
        }
        return vars.apply(name);
    }
}
