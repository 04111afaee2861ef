package io.jresty.server.http;

import io.jresty.ngx.phase.Phase;
import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns set, rewrite, return and set_by_lua directives into {@link RewriteStep}s. */
final class RewriteDirectives {
    private final LuaCode lua;

    RewriteDirectives(LuaCode lua) {
        this.lua = lua;
    }

    /** The step of d, or null when d is not a rewrite-module directive. */
    RewriteStep step(ConfDirective d) throws ConfException {
        return switch (d.name()) {
            case "set" -> new RewriteStep.Set(variableName(d, d.arg(0)), Template.parse(d.arg(1)));
            case "rewrite" -> rewrite(d);
            case "return" -> returnStep(d);
            case "set_by_lua", "set_by_lua_block", "set_by_lua_file" -> setByLua(d);
            default -> null;
        };
    }

    private static String variableName(ConfDirective d, String arg) throws ConfException {
        if (!arg.startsWith("$") || arg.length() < 2) {
            throw new ConfException("invalid variable name \"" + arg + "\" " + d.where());
        }
        return arg.substring(1);
    }

    private static RewriteStep rewrite(ConfDirective d) throws ConfException {
        Pattern regex;
        try {
            regex = Pattern.compile(d.arg(0));
        } catch (PatternSyntaxException e) {
            throw new ConfException("pcre_compile() failed: " + e.getDescription() + " in \"" + d.arg(0) + "\" " + d.where());
        }
        String replacement = d.arg(1);
        RewriteStep.Flag flag = RewriteStep.Flag.NONE;
        if (d.args().size() > 2) {
            flag = switch (d.arg(2)) {
                case "last" -> RewriteStep.Flag.LAST;
                case "break" -> RewriteStep.Flag.BREAK;
                case "redirect" -> RewriteStep.Flag.REDIRECT;
                case "permanent" -> RewriteStep.Flag.PERMANENT;
                default -> throw new ConfException("invalid parameter \"" + d.arg(2) + "\" " + d.where());
            };
        }
        boolean keepArgs = !replacement.endsWith("?");
        if (!keepArgs) {
            replacement = replacement.substring(0, replacement.length() - 1);
        }
        if (flag == RewriteStep.Flag.NONE && (replacement.startsWith("http://")
                || replacement.startsWith("https://") || replacement.startsWith("$scheme"))) {
            flag = RewriteStep.Flag.REDIRECT;
        }
        return new RewriteStep.Rewrite(regex, Template.parse(replacement), flag, keepArgs);
    }

    private static RewriteStep returnStep(ConfDirective d) throws ConfException {
        String first = d.arg(0);
        if (d.args().size() == 1 && !first.chars().allMatch(Character::isDigit)) {
            return new RewriteStep.Return(302, Template.parse(first));
        }
        int code;
        try {
            code = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new ConfException("invalid return code \"" + first + "\" " + d.where());
        }
        if (code < 0 || code > 999) {
            throw new ConfException("invalid return code \"" + first + "\" " + d.where());
        }
        return new RewriteStep.Return(code, d.args().size() > 1 ? Template.parse(d.arg(1)) : null);
    }

    private RewriteStep setByLua(ConfDirective d) throws ConfException {
        String var = variableName(d, d.arg(0));
        List<Template> args = new ArrayList<>();
        for (int i = 2; i < d.args().size(); i++) {
            args.add(Template.parse(d.arg(i)));
        }
        return new RewriteStep.SetByLua(var, lua.chunk(d, Phase.SET, 1), List.copyOf(args));
    }
}
