package io.jresty.server.pipeline;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.http.RewriteStep;
import io.jresty.server.request.HttpRequestState;
import java.util.List;
import java.util.regex.Matcher;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** nginx's rewrite module at one level: set, rewrite, return and set_by_lua in conf order. */
final class RewritePhase {
    private final LuaRunner lua;

    RewritePhase(LuaRunner lua) {
        this.lua = lua;
    }

    Outcome run(LuaWorker worker, HttpRequestState r, List<RewriteStep> steps) {
        for (RewriteStep step : steps) {
            switch (step) {
                case RewriteStep.Set set -> r.userVariables().put(set.variable(), set.value().expand(r::variable));
                case RewriteStep.Return ret -> {
                    return returnStep(r, ret);
                }
                case RewriteStep.SetByLua set -> {
                    Outcome o = setByLua(worker, r, set);
                    if (o != Outcome.NEXT) {
                        return o;
                    }
                }
                case RewriteStep.Rewrite rw -> {
                    Matcher m = rw.regex().matcher(r.uri());
                    if (!m.find()) {
                        continue;
                    }
                    Matcher previous = r.captures();
                    r.location(r.location(), m);
                    String target = rw.replacement().expand(r::variable);
                    r.location(r.location(), previous);
                    Outcome o = applyRewrite(r, rw, target);
                    if (o != null) {
                        return o;
                    }
                }
            }
        }
        return Outcome.NEXT;
    }

    private static Outcome applyRewrite(HttpRequestState r, RewriteStep.Rewrite rw, String target) {
        String args = r.args();
        String uri = target;
        int q = target.indexOf('?');
        if (q >= 0) {
            uri = target.substring(0, q);
            String newArgs = target.substring(q + 1);
            args = rw.keepArgs() && args != null ? newArgs + "&" + args : newArgs;
        } else if (!rw.keepArgs()) {
            args = "";
        }
        switch (rw.flag()) {
            case REDIRECT, PERMANENT -> {
                String location = uri + (args == null || args.isEmpty() ? "" : "?" + args);
                r.responseHeaders().set("Location", Redirects.absolute(r, location));
                return new Outcome.Finish(rw.flag() == RewriteStep.Flag.PERMANENT ? 301 : 302);
            }
            case LAST -> {
                return new Outcome.Redirect(uri, args, true);
            }
            case BREAK -> {
                r.uri(uri);
                r.args(args);
                return Outcome.NEXT;
            }
            default -> {
                r.uri(uri);
                r.args(args);
                return null;
            }
        }
    }

    private static Outcome returnStep(HttpRequestState r, RewriteStep.Return ret) {
        int code = ret.code();
        String text = ret.text() == null ? null : ret.text().expand(r::variable);
        if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
            if (text != null) {
                r.responseHeaders().set("Location", Redirects.absolute(r, text));
            }
            return new Outcome.Finish(code);
        }
        if (text == null) {
            return new Outcome.Finish(code);
        }
        r.status(code);
        r.responseHeaders().set("Content-Type", r.location() != null
                ? r.location().settings().defaultType() : r.server().settings().defaultType());
        r.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        r.eof();
        return new Outcome.Finish(0);
    }

    private Outcome setByLua(LuaWorker worker, HttpRequestState r, RewriteStep.SetByLua set) {
        LuaTable args = new LuaTable();
        for (int i = 0; i < set.args().size(); i++) {
            args.set(i + 1, LuaValue.valueOf(set.args().get(i).expand(r::variable)));
        }
        LuaTable previous = r.filterArgs();
        r.filterArgs(args);
        LuaRunner.Result result = lua.call(worker, r, Phase.SET, set.chunk(), LuaValue.NONE);
        r.filterArgs(previous);
        if (result.outcome() != Outcome.NEXT) {
            return result.outcome();
        }
        Varargs values = result.values();
        LuaValue v = values.arg1();
        r.userVariables().put(set.variable(), v.isnil() ? "" : v.tojstring());
        return Outcome.NEXT;
    }
}
