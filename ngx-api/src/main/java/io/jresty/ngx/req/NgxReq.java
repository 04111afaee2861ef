package io.jresty.ngx.req;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.header.NgxHeader;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.QueryArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ngx.req: the request line, headers, URI args and body, as lua-nginx-module exposes them. */
public final class NgxReq implements NgxArea {

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable req = new LuaTable();
        ApiTable api = new ApiTable("ngx.req.", req);
        api.request("get_method", Contexts.REQUEST, (ctx, a) -> LuaValue.valueOf(ctx.request().method()));
        api.request("set_method", Contexts.REQUEST, (ctx, a) -> {
            ctx.request().method(Methods.name(a.checkint(1)));
            return LuaValue.NONE;
        });
        api.request("http_version", Contexts.REQUEST, (ctx, a) -> httpVersion(ctx.request().protocol()));
        api.request("start_time", Contexts.REQUEST, (ctx, a) -> LuaValue.valueOf(ctx.request().startTime()));
        api.request("is_internal", Contexts.REQUEST, (ctx, a) -> LuaValue.valueOf(ctx.request().isInternal()));
        api.request("get_uri_args", Contexts.REQUEST, (ctx, a) ->
                QueryArgs.uriArgs(ctx.request().args(), a.optint(1, -1),
                        a.arg(2).istable() ? (LuaTable) a.arg(2) : null));
        api.request("set_uri_args", Contexts.REQUEST, (ctx, a) -> {
            LuaValue args = a.arg1();
            if (args.istable()) {
                ctx.request().args(QueryArgs.encode((LuaTable) args));
            } else if (args.isstring()) {
                ctx.request().args(args.tojstring());
            } else {
                throw new ApiError("bad argument #1 to '?' (string, number, or table expected, but got "
                        + args.typename() + ")");
            }
            return LuaValue.NONE;
        });
        api.request("set_uri", Contexts.REQUEST, (ctx, a) -> setUri(ctx.phase(), ctx.request(), a));
        api.request("get_headers", Contexts.REQUEST, (ctx, a) ->
                NgxHeader.headersTable(requestHeaders(ctx.request()), a.optint(1, 100), a.optboolean(2, false)));
        api.request("set_header", Contexts.REQUEST, (ctx, a) -> {
            ctx.request().setRequestHeader(a.checkjstring(1), values(a.arg(2)));
            return LuaValue.NONE;
        });
        api.request("clear_header", Contexts.REQUEST, (ctx, a) -> {
            ctx.request().setRequestHeader(a.checkjstring(1), List.of());
            return LuaValue.NONE;
        });
        api.request("raw_header", Contexts.REQUEST, (ctx, a) -> rawHeader(ctx.request(), a.optboolean(1, false)));
        ReqBody.install(api);
        // the lua_check_client_abort test comes before the phase test, as in lua-nginx-module
        new ApiTable("ngx.", ngx).request("on_abort", Contexts.REQUEST, (ctx, a) -> {
            NgxRequest r = ctx.request();
            if (!r.checkClientAbort()) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("lua_check_client_abort is off"));
            }
            if (!Contexts.REWRITE_ACCESS_CONTENT.contains(ctx.phase())) {
                throw new ApiError("API disabled in the context of " + ctx.phase().contextName());
            }
            return r.onAbort(io.jresty.ngx.thread.OnAbort.register(env, ctx, a.checkfunction(1))) ? LuaValue.ONE
                    : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("duplicate call"));
        });
        ngx.set("req", req);
    }

    private static Varargs setUri(Phase phase, NgxRequest r, Varargs a) {
        String uri = a.checkjstring(1);
        if (uri.isEmpty()) {
            throw new ApiError("attempt to use zero-length uri");
        }
        boolean jump = a.optboolean(2, false);
        if (jump && phase != Phase.REWRITE) {
            throw new ApiError("API disabled in the context of " + phase.contextName());
        }
        r.uri(uri);
        if (jump) {
            throw NgxExit.exec(uri, r.args());
        }
        return LuaValue.NONE;
    }

    private static Map<String, List<String>> requestHeaders(NgxRequest r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : r.requestHeaders()) {
            out.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        return out;
    }

    private static LuaValue rawHeader(NgxRequest r, boolean noRequestLine) {
        byte[] sent = r.rawHeader();
        if (sent != null) {
            int from = 0;
            if (noRequestLine) {
                while (from < sent.length && sent[from] != '\n') {
                    from++;
                }
                from = Math.min(from + 1, sent.length);
            }
            return LuaValue.valueOf(java.util.Arrays.copyOfRange(sent, from, sent.length));
        }
        // not recorded (a connection accepted before recording started): rebuilt from the parsed header
        StringBuilder out = new StringBuilder();
        if (!noRequestLine) {
            out.append(r.method()).append(' ').append(r.requestUri()).append(' ').append(r.protocol()).append("\r\n");
        }
        for (Map.Entry<String, String> h : r.requestHeaders()) {
            out.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        out.append("\r\n");
        return LuaValue.valueOf(out.toString());
    }

    private static LuaValue httpVersion(String protocol) {
        return switch (protocol) {
            case "HTTP/1.0" -> LuaValue.valueOf(1.0);
            case "HTTP/2.0" -> LuaValue.valueOf(2);
            case "HTTP/0.9" -> LuaValue.valueOf(0.9);
            default -> LuaValue.valueOf(1.1);
        };
    }

    private static List<String> values(LuaValue v) {
        if (v.isnil()) {
            return List.of();
        }
        if (v.istable()) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= v.length(); i++) {
                out.add(v.get(i).tojstring());
            }
            return out;
        }
        return List.of(v.tojstring());
    }

    /** The body comes at the client's pace: the worker's other requests run while it arrives. */
    private static void readBody(NgxContext ctx) {
        if (ctx.worker() == null) {
            ctx.request().readBody();
            return;
        }
        try {
            ctx.worker().releaseWhile(() -> ctx.request().readBody());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
