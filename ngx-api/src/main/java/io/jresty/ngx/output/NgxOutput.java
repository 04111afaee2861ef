package io.jresty.ngx.output;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.request.NgxRequest;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ngx.say, ngx.print, ngx.flush, ngx.eof: the response body from Lua. */
public final class NgxOutput implements NgxArea {
    private static final java.util.Set<Phase> EOF_CONTEXTS = Contexts.of(Phase.REWRITE, Phase.ACCESS, Phase.CONTENT,
            Phase.BODY_FILTER, Phase.LOG);

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        ApiTable api = new ApiTable("ngx.", ngx);
        api.request("say", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> write(ctx.request(), "say", args, true));
        api.request("print", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> write(ctx.request(), "print", args, false));
        api.request("flush", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> {
            NgxRequest r = ctx.request();
            if (r.eofSent()) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("seen eof"));
            }
            String err = r.flush(args.optboolean(1, false));
            return err == null ? LuaValue.valueOf(1) : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(err));
        });
        api.request("send_headers", Contexts.REWRITE_ACCESS_CONTENT, (ctx, args) -> {
            ctx.request().sendHeaders();
            return LuaValue.valueOf(1);
        });
        // body_filter and log accept ngx.eof (measured); the body has ended there already
        api.request("eof", EOF_CONTEXTS, (ctx, args) -> {
            NgxRequest r = ctx.request();
            if (ctx.phase() == Phase.BODY_FILTER || ctx.phase() == Phase.LOG) {
                return LuaValue.valueOf(1);
            }
            if (r.eofSent()) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("seen eof"));
            }
            r.eof();
            return LuaValue.valueOf(1);
        });
    }

    private static Varargs write(NgxRequest r, String fn, Varargs args, boolean newline) {
        byte[] bytes = OutputArgs.bytes(fn, args, newline);
        if (r.eofSent()) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("seen eof"));
        }
        r.write(bytes);
        return LuaValue.valueOf(1);
    }
}
