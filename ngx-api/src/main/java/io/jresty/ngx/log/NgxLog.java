package io.jresty.ngx.log;

import io.jresty.ngx.api.ApiError;
import io.jresty.core.lua.LuaNull;
import io.jresty.core.lua.LuaPosition;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** ngx.log, the global print (NOTICE), and the log level constants. */
public final class NgxLog implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        for (LogLevel level : LogLevel.values()) {
            ngx.set(level.name(), level.code());
        }
        new ApiTable("ngx.", ngx).anywhere("log", Contexts.ANY, (ctx, args) -> {
            // lua-nginx-module's ngx.log is a C function: its argument errors name it '?'
            if (args.arg1().type() != LuaValue.TNUMBER && !(args.arg1().isstring() && args.arg1().isnumber())) {
                throw new ApiError("bad argument #1 to '?' (number expected, got " + typename(args.arg1()) + ")");
            }
            int code = args.arg1().toint();
            LogLevel level = LogLevel.ofCode(code);
            if (level == null) {
                throw new ApiError("bad argument #1 to '?' (bad log level: " + code + ")");
            }
            write(env, ctx, level, args, 2);
            return LuaValue.NONE;
        });
    }

    /** The global print() of OpenResty: ngx.log(ngx.NOTICE, ...). */
    public static LuaValue print(NgxEnvironment env) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                write(env, NgxContext.current(), LogLevel.NOTICE, args, 1);
                return NONE;
            }
        };
    }

    static void write(NgxEnvironment env, NgxContext ctx, LogLevel level, Varargs args, int first) {
        ErrorLog log = env.errorLog();
        NgxRequest r = ctx == null ? null : ctx.request();
        if (!log.enabled(level) || (r != null && !r.logs(level))) {
            return;
        }
        StringBuilder msg = new StringBuilder("[lua] ");
        String where = LuaPosition.current();
        if (where != null) {
            msg.append(where).append(": ");
            // lua-nginx-module adds the function's name when Lua knows it: "[lua] x.lua:3: foo(): msg"
            String function = LuaPosition.currentFunction();
            if (function != null) {
                msg.append(function).append("(): ");
            }
        }
        for (int i = first; i <= args.narg(); i++) {
            msg.append(text(args.arg(i), i - first + 1));
        }
        log.log(level, r == null ? 0 : r.connectionId(), msg.toString(), r == null ? null : RequestSuffix.of(ctx));
    }

    private static String typename(LuaValue v) {
        return v.typename();
    }

    private static String text(LuaValue v, int argn) {
        if (v.isnil()) {
            return "nil";
        }
        if (v.isboolean()) {
            return v.toboolean() ? "true" : "false";
        }
        if (LuaNull.isNull(v)) {
            return "null";
        }
        if (v.isstring()) {
            return v.tojstring();
        }
        LuaValue tostring = v.metatag(LuaValue.valueOf("__tostring"));
        if (!tostring.isnil()) {
            return tostring.call(v).tojstring();
        }
        throw new ApiError("bad argument #" + argn + " to '?' (expected table to have __tostring metamethod)");
    }
}
