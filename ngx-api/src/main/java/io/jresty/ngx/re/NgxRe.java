package io.jresty.ngx.re;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import java.io.ByteArrayOutputStream;

import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * ngx.re: match, find, gmatch, sub and gsub, plus lua-resty-core's split and opt (which
 * OpenResty code gets from {@code require "ngx.re"}). Patterns are PCRE's, translated for
 * java.util.regex ({@link PcreTranslator} lists what cannot be); subjects are byte strings
 * and every offset is a byte offset. Expected failures return nil and lua-nginx-module's
 * error text ("pcre_compile() failed: ...", "pcre_exec() failed: -8" when a pattern
 * backtracks past its budget, "-21" when java.util.regex runs out of stack).
 */
public final class NgxRe implements NgxArea {
    private static final LuaString POS = LuaString.valueOf("pos");

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        RegexCache cache = new RegexCache(RegexCache.DEFAULT_MAX_ENTRIES);
        ApiTable api = new ApiTable("ngx.re.", new LuaTable());
        api.anywhere("match", Contexts.ANY, (ctx, a) -> match(cache, a));
        api.anywhere("find", Contexts.ANY, (ctx, a) -> find(cache, a));
        api.anywhere("gmatch", Contexts.ANY, (ctx, a) -> gmatch(cache, a));
        api.anywhere("sub", Contexts.ANY, (ctx, a) -> replace(cache, a, false));
        api.anywhere("gsub", Contexts.ANY, (ctx, a) -> replace(cache, a, true));
        api.anywhere("split", Contexts.ANY, (ctx, a) -> split(cache, a));
        api.anywhere("opt", Contexts.ANY, (ctx, a) -> opt(cache, a));
        ngx.set("re", api.table());
    }

    /** A compiled pattern over a decoded subject, or the error values to return instead. */
    private record Prepared(RegexSearch search, String error) {}

    private static Prepared prepare(RegexCache cache, Varargs a, String function, int optionsArg) {
        LuaString subject = RegexArgs.subject(a.arg1());
        LuaString regex = RegexArgs.regex(a, 2, function);
        LuaString options = RegexArgs.options(a, optionsArg, function);
        CompiledRegex compiled;
        try {
            compiled = cache.compile(regex, options);
        } catch (RegexSyntaxError e) {
            return new Prepared(null, "pcre_compile() failed: " + e.getMessage());
        }
        RegexSubject text = RegexSubject.of(subject, compiled.options());
        if (text == null) {
            return new Prepared(null, "pcre_exec() failed: -10");
        }
        return new Prepared(new RegexSearch(compiled, text), null);
    }

    private static Varargs nilAnd(String error) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(error));
    }

    private static Varargs nilNilAnd(String error) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL, LuaValue.valueOf(error));
    }

    private static Varargs match(RegexCache cache, Varargs a) {
        Prepared p = prepare(cache, a, "match", 3);
        if (p.error() != null) {
            return nilAnd(p.error());
        }
        LuaTable ctx = RegexArgs.ctx(a, 4, "match");
        LuaValue res = a.arg(5);
        RegexSearch s = p.search();
        try {
            if (!s.find(s.subject.charIndex(RegexArgs.startByte(ctx)))) {
                return LuaValue.NIL;
            }
        } catch (RegexFailure e) {
            return nilAnd(e.getMessage());
        }
        if (ctx != null) {
            ctx.set(POS, LuaValue.valueOf(s.subject.byteOffset(s.matcher.end()) + 1));
        }
        return Captures.of(s, res.istable() ? (LuaTable) res : null);
    }

    private static Varargs find(RegexCache cache, Varargs a) {
        Prepared p = prepare(cache, a, "find", 3);
        if (p.error() != null) {
            return nilNilAnd(p.error());
        }
        LuaTable ctx = RegexArgs.ctx(a, 4, "find");
        int nth = a.arg(5).isnil() ? 0 : a.arg(5).checkint();
        RegexSearch s = p.search();
        if (nth < 0 || nth > s.regex.groups()) {
            return nilNilAnd("nth out of bound");
        }
        try {
            if (!s.find(s.subject.charIndex(RegexArgs.startByte(ctx)))) {
                return LuaValue.NIL;
            }
        } catch (RegexFailure e) {
            return nilNilAnd(e.getMessage());
        }
        if (ctx != null) {
            ctx.set(POS, LuaValue.valueOf(s.subject.byteOffset(s.matcher.end()) + 1));
        }
        if (s.matcher.start(nth) < 0) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL);
        }
        return LuaValue.varargsOf(LuaValue.valueOf(s.subject.byteOffset(s.matcher.start(nth)) + 1),
                LuaValue.valueOf(s.subject.byteOffset(s.matcher.end(nth))));
    }

    private static Varargs gmatch(RegexCache cache, Varargs a) {
        Prepared p = prepare(cache, a, "gmatch", 3);
        if (p.error() != null) {
            return nilAnd(p.error());
        }
        RegexSearch s = p.search();
        return new VarArgFunction() {
            private int pos;
            private boolean done;

            @Override
            public Varargs invoke(Varargs args) {
                if (done) {
                    return NIL;
                }
                try {
                    if (!s.find(pos)) {
                        done = true;
                        return NIL;
                    }
                } catch (RegexFailure e) {
                    done = true;
                    return nilAnd(e.getMessage());
                }
                pos = s.next();
                return Captures.of(s, null);
            }
        };
    }

    private static Varargs replace(RegexCache cache, Varargs a, boolean global) {
        String function = global ? "gsub" : "sub";
        LuaValue replacement = a.arg(3);
        Prepared p = prepare(cache, a, function, 4);
        if (p.error() != null) {
            return nilNilAnd(p.error());
        }
        ReplacementTemplate template = null;
        if (!replacement.isfunction()) {
            template = ReplacementTemplate.parse(RegexArgs.text(replacement));
            if (template == null) {
                return nilNilAnd("failed to compile the replacement template");
            }
        }
        RegexSearch s = p.search();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LuaString subject = s.subject.bytes;
        int copied = 0;
        int pos = 0;
        int count = 0;
        while (true) {
            try {
                if (!s.find(pos)) {
                    break;
                }
            } catch (RegexFailure e) {
                return nilNilAnd(e.getMessage());
            }
            int start = s.subject.byteOffset(s.matcher.start());
            out.write(subject.m_bytes, subject.m_offset + copied, start - copied);
            if (template != null) {
                template.expand(s, out);
            } else {
                LuaString r = RegexArgs.text(((LuaFunction) replacement).call(Captures.of(s, null)));
                out.write(r.m_bytes, r.m_offset, r.m_length);
            }
            copied = s.subject.byteOffset(s.matcher.end());
            count++;
            pos = s.next();
            if (!global) {
                break;
            }
        }
        out.write(subject.m_bytes, subject.m_offset + copied, subject.m_length - copied);
        return LuaValue.varargsOf(LuaString.valueUsing(out.toByteArray()), LuaValue.valueOf(count));
    }

    private static Varargs split(RegexCache cache, Varargs a) {
        Prepared p = prepare(cache, a, "split", 3);
        if (p.error() != null) {
            return nilAnd(p.error());
        }
        LuaTable ctx = RegexArgs.ctx(a, 4, "split");
        int max = a.arg(5).isnil() ? 0 : a.arg(5).checkint();
        LuaValue res = a.arg(6);
        RegexSearch s = p.search();
        try {
            return RegexSplit.split(s, s.subject.charIndex(RegexArgs.startByte(ctx)), max,
                    res.istable() ? (LuaTable) res : null);
        } catch (RegexFailure e) {
            return nilAnd(e.getMessage());
        }
    }

    /** Only jit_stack_size exists, and there is no JIT stack here; refused once patterns are cached, as upstream. */
    private static Varargs opt(RegexCache cache, Varargs a) {
        if (!"jit_stack_size".equals(a.arg1().optjstring(""))) {
            throw new ApiError("unrecognized option name");
        }
        if (cache.holdsCompiled()) {
            throw new ApiError("changing jit stack size is not allowed when some regexs have already been compiled"
                    + " and cached");
        }
        return LuaValue.NONE;
    }
}
