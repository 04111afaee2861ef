package io.jresty.ngx.restycore;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code ngx.req.add_header} and {@code ngx.resp.add_header} of lua-resty-core: like
 * ngx.req.set_header / ngx.header[name] = value but keeping the values already there.
 */
final class AddHeader {
    private AddHeader() {}

    static LuaTable requestModule() {
        ApiTable t = new ApiTable("ngx.req.", new LuaTable());
        t.anywhere("add_header", Contexts.ANY, (ctx, a) -> {
            requireRequest(ctx);
            if (a.arg1().isnil()) {
                throw new ApiError("bad 'name' argument: string expected, got nil");
            }
            String name = a.arg1().tojstring();
            List<String> added = added(a.arg(2), "bad 'value' argument: string or table expected, got nil",
                    "bad 'value' argument: non-empty table expected");
            NgxRequest r = ctx.request();
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, String> h : r.requestHeaders()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    values.add(h.getValue());
                }
            }
            values.addAll(added);
            r.setRequestHeader(name, values);
            return LuaValue.NONE;
        });
        return t.table();
    }

    /** As ngx.header[name] = value, the values already there kept: the same sent-headers check and log line. */
    static LuaTable responseModule(NgxEnvironment env) {
        ApiTable t = new ApiTable("ngx.resp.", new LuaTable());
        t.anywhere("add_header", Contexts.ANY, (ctx, a) -> {
            requireRequest(ctx);
            String key = a.arg1().tojstring();
            LuaValue v = a.arg(2);
            if (v.isnil()) {
                throw new ApiError("invalid header value");
            }
            List<String> added = v.istable() ? strings((LuaTable) v) : List.of(v.tojstring());
            NgxRequest r = ctx.request();
            if (added.isEmpty()) {
                return LuaValue.NONE;
            }
            if (r.headersSent()) {
                env.errorLog().log(LogLevel.ERR, r.connectionId(),
                        "attempt to set ngx.header.HEADER after sending out response headers", RequestSuffix.of(ctx));
                return LuaValue.NONE;
            }
            String name = r.transformUnderscores() ? key.replace('_', '-') : key;
            for (String value : added) {
                r.responseHeaders().add(name, value);
            }
            if (name.equalsIgnoreCase("Content-Type")) {
                r.responseHeaders().contentTypeCleared(false);
            }
            return LuaValue.NONE;
        });
        return t.table();
    }

    /** Measured on nginx: outside a request (init_worker_by_lua, timers) both say this, not "no request found". */
    private static void requireRequest(NgxContext ctx) {
        if (ctx == null || ctx.request() == null) {
            throw new ApiError("API disabled in the current context");
        }
    }

    private static List<String> added(LuaValue v, String nilMessage, String emptyMessage) {
        if (v.isnil()) {
            throw new ApiError(nilMessage);
        }
        if (!v.istable()) {
            return List.of(v.tojstring());
        }
        List<String> out = strings((LuaTable) v);
        if (out.isEmpty()) {
            throw new ApiError(emptyMessage);
        }
        return out;
    }

    private static List<String> strings(LuaTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.length(); i++) {
            out.add(t.get(i).tojstring());
        }
        return out;
    }

}
