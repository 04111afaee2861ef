package io.jresty.ngx.req;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.codec.ArgsParser;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.QueryArgs;
import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ngx.req's body functions: read, discard, get and replace the request body, in memory or as a file. */
final class ReqBody {
    /** init_body's buffer while the body is being rebuilt, per request. */
    private static final Object REBUILT = new Object();

    private ReqBody() {}

    /**
     * Only read_body is limited to rewrite, access and content; the others work wherever there
     * is a request (measured on lua-nginx-module 0.10.23: see 017-phase-matrix.t).
     */
    static void install(ApiTable api) {
        api.request("read_body", Contexts.REWRITE_ACCESS_CONTENT, (ctx, a) -> {
            ctx.request().readBody();
            return LuaValue.NONE;
        });
        api.request("discard_body", Contexts.REQUEST, (ctx, a) -> {
            ctx.request().discardBody();
            return LuaValue.NONE;
        });
        api.request("get_body_data", Contexts.REQUEST, (ctx, a) -> {
            byte[] body = ctx.request().bodyIfRead();
            return body == null ? LuaValue.NIL : LuaString.valueUsing(body);
        });
        api.request("get_body_file", Contexts.REQUEST, (ctx, a) -> {
            String file = ctx.request().bodyFile();
            return file == null ? LuaValue.NIL : LuaValue.valueOf(file);
        });
        api.request("get_post_args", Contexts.REQUEST, (ctx, a) -> postArgs(ctx.request(), postMax(a)));
        api.request("set_body_data", Contexts.REQUEST, (ctx, a) -> {
            NgxRequest r = readFirst(ctx.request());
            LuaString data = a.checkstring(1);
            byte[] copy = new byte[data.m_length];
            System.arraycopy(data.m_bytes, data.m_offset, copy, 0, data.m_length);
            r.replaceBody(copy);
            return LuaValue.NONE;
        });
        api.request("set_body_file", Contexts.REQUEST, (ctx, a) -> {
            readFirst(ctx.request()).replaceBodyFile(a.checkjstring(1));
            return LuaValue.NONE;
        });
        api.request("init_body", Contexts.REQUEST, (ctx, a) -> {
            readFirst(ctx.request()).attributes().put(REBUILT, new ByteArrayOutputStream());
            return LuaValue.NONE;
        });
        api.request("append_body", Contexts.REQUEST, (ctx, a) -> {
            LuaString data = a.checkstring(1);
            rebuilt(ctx.request()).write(data.m_bytes, data.m_offset, data.m_length);
            return LuaValue.NONE;
        });
        api.request("finish_body", Contexts.REQUEST, (ctx, a) -> {
            NgxRequest r = ctx.request();
            r.replaceBody(rebuilt(r).toByteArray());
            r.attributes().remove(REBUILT);
            return LuaValue.NONE;
        });
    }

    /** luaL_checkinteger when a max is passed, so an explicit nil is an error as on nginx. */
    private static int postMax(Varargs a) {
        if (a.narg() == 0) {
            return ArgsParser.DEFAULT_MAX;
        }
        if (a.arg1().tonumber().isnil()) {
            throw new ApiError("bad argument #1 to 'get_post_args' (number expected, got " + a.arg1().typename() + ")");
        }
        return a.arg1().toint();
    }

    private static Varargs postArgs(NgxRequest r, int max) {
        if (!r.bodyRead()) {
            throw new ApiError("no request body found; maybe you should turn on lua_need_request_body?");
        }
        if (r.bodyFile() != null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("request body in temp file not supported"));
        }
        byte[] body = r.bodyIfRead();
        return QueryArgs.postArgs(body, max);
    }

    private static NgxRequest readFirst(NgxRequest r) {
        if (!r.bodyRead()) {
            throw new ApiError("request body not read yet");
        }
        return r;
    }

    private static ByteArrayOutputStream rebuilt(NgxRequest r) {
        Object buffer = r.attributes().get(REBUILT);
        if (buffer == null) {
            throw new ApiError("request body not initialized");
        }
        return (ByteArrayOutputStream) buffer;
    }
}
