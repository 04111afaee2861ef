package io.jresty.ngx.header;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/** ngx.header (response headers by name, underscores as hyphens) and ngx.resp.get_headers. */
public final class NgxHeader implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable header = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key) {
                NgxRequest r = request();
                List<String> values = r.responseHeaders().getByKey(resolve(r, key).key());
                if (values.isEmpty()) {
                    return NIL;
                }
                if (values.size() == 1) {
                    return valueOf(values.getFirst());
                }
                return luaList(values);
            }
        });
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
                NgxRequest r = request();
                HeaderKeys.Resolved name = resolve(r, key);
                if (r.headersSent()) {
                    env.errorLog().log(LogLevel.ERR, r.connectionId(),
                            "attempt to set ngx.header.HEADER after sending out response headers",
                            io.jresty.ngx.log.RequestSuffix.of(NgxContext.current()));
                    return NONE;
                }
                List<String> values = values(value);
                r.responseHeaders().set(name.name(), name.key(), values);
                if (name.contentType()) {
                    r.responseHeaders().contentTypeCleared(values.isEmpty());
                }
                return NONE;
            }
        });
        header.setmetatable(meta);
        ngx.set("header", header);

        LuaTable resp = new LuaTable();
        new ApiTable("ngx.resp.", resp).request("get_headers", Contexts.REQUEST, (ctx, args) -> {
            int max = args.optint(1, 100);
            boolean raw = args.optboolean(2, false);
            return headersTable(ctx.request().responseHeaders().all(), max, raw);
        });
        ngx.set("resp", resp);
    }

    /**
     * The header a Lua key names: underscores become hyphens, as lua-nginx-module does unless
     * lua_transform_underscores_in_response_headers is off. Non-string keys go through
     * checkjstring first, for its number conversion and its error.
     */
    private static HeaderKeys.Resolved resolve(NgxRequest r, LuaValue key) {
        LuaString lua = key instanceof LuaString s ? s : LuaString.valueOf(key.checkjstring());
        return HeaderKeys.resolve(lua, r.transformUnderscores());
    }

    private static List<String> values(LuaValue value) {
        if (value.isnil()) {
            return List.of();
        }
        if (value.istable()) {
            List<String> out = new ArrayList<>();
            LuaTable t = (LuaTable) value;
            for (int i = 1; i <= t.length(); i++) {
                out.add(t.get(i).tojstring());
            }
            return out;
        }
        if (value instanceof LuaString s) {
            return HeaderValues.single(s);
        }
        // anything else goes in as tostring() gives it (a function too, measured on nginx)
        return List.of(value.tojstring());
    }

    private static LuaTable luaList(List<String> values) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < values.size(); i++) {
            t.set(i + 1, LuaValue.valueOf(values.get(i)));
        }
        return t;
    }

    /**
     * A header table as get_headers returns it: lower-case keys unless raw, tables for repeats;
     * with "truncated" as a second value when more than max headers were there.
     */
    public static Varargs headersTable(Map<String, List<String>> headers, int max, boolean raw) {
        LuaTable out = new LuaTable();
        int count = 0;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            for (String v : e.getValue()) {
                if (max > 0 && count >= max) {
                    if (!raw) {
                        out.setmetatable(CaseInsensitiveKeys.META);
                    }
                    return LuaValue.varargsOf(out, LuaValue.valueOf("truncated"));
                }
                count++;
                String key = raw ? e.getKey() : e.getKey().toLowerCase(java.util.Locale.ROOT);
                LuaValue existing = out.get(key);
                if (existing.isnil()) {
                    out.set(key, LuaValue.valueOf(v));
                } else if (existing.istable()) {
                    existing.set(existing.length() + 1, LuaValue.valueOf(v));
                } else {
                    LuaTable t = new LuaTable();
                    t.set(1, existing);
                    t.set(2, LuaValue.valueOf(v));
                    out.set(key, t);
                }
            }
        }
        if (!raw) {
            out.setmetatable(CaseInsensitiveKeys.META);
        }
        return out;
    }

    private static NgxRequest request() {
        NgxContext ctx = NgxContext.current();
        if (ctx == null || ctx.request() == null) {
            throw new ApiError("no request object found");
        }
        return ctx.request();
    }
}
