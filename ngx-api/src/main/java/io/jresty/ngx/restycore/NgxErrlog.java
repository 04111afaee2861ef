package io.jresty.ngx.restycore;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua-resty-core's {@code ngx.errlog}. The capture buffer (lua_capture_error_log) is not there,
 * so set_filter_level and get_logs answer as nginx does when that directive is not set.
 */
final class NgxErrlog {
    private static final String NO_CAPTURE = "directive \"lua_capture_error_log\" is not set";

    private NgxErrlog() {}

    static LuaTable module(NgxEnvironment env) {
        ApiTable t = new ApiTable("ngx.errlog.", new LuaTable());
        t.anywhere("get_sys_filter_level", Contexts.ANY, (ctx, a) ->
                LuaValue.valueOf(env.errorLog().threshold().code()));
        // a Lua function in lua-resty-core: its argument errors always name 'raw_log'
        t.table().set("raw_log", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs a) {
                rawLog(env, a);
                return NONE;
            }
        });
        t.anywhere("set_filter_level", Contexts.ANY, (ctx, a) -> {
            if (a.arg1().isnil()) {
                return failure("missing \"level\" argument");
            }
            return failure(NO_CAPTURE);
        });
        t.anywhere("get_logs", Contexts.ANY, (ctx, a) -> failure(NO_CAPTURE));
        return t.table();
    }

    private static void rawLog(NgxEnvironment env, Varargs a) {
        if (a.arg1().type() != LuaValue.TNUMBER) {
            throw new LuaError("bad argument #1 to 'raw_log' (must be a number)");
        }
        if (a.arg(2).type() != LuaValue.TSTRING) {
            throw new LuaError("bad argument #2 to 'raw_log' (must be a string)");
        }
        LogLevel level = LogLevel.ofCode(a.arg1().toint());
        if (level == null) {
            throw new LuaError("bad log level");
        }
        NgxContext ctx = NgxContext.current();
        NgxRequest r = ctx == null ? null : ctx.request();
        if (r != null && !r.logs(level)) {
            return;
        }
        env.errorLog().log(level, r == null ? 0 : r.connectionId(), a.arg(2).tojstring(),
                r == null ? null : RequestSuffix.of(ctx));
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }
}
