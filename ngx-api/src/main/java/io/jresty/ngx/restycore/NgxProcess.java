package io.jresty.ngx.restycore;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * lua-resty-core's {@code ngx.process}. jresty is one process whose workers are threads sharing
 * its pid, with no master: that is nginx's "single" process type (master_process off), where
 * the master pid is the process's own pid too.
 */
final class NgxProcess {
    private NgxProcess() {}

    static LuaTable module(NgxEnvironment env) {
        ApiTable t = new ApiTable("ngx.process.", new LuaTable());
        t.anywhere("type", Contexts.ANY, (ctx, a) -> LuaValue.valueOf("single"));
        t.anywhere("get_master_pid", Contexts.ANY, (ctx, a) -> LuaValue.valueOf(env.pid()));
        t.anywhere("enable_privileged_agent", Contexts.ANY, (ctx, a) -> {
            if (ctx == null || ctx.phase() != Phase.INIT) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("API disabled in the current context"));
            }
            LuaValue n = a.arg1();
            if (!n.isnil() && (n.type() != LuaValue.TNUMBER || n.todouble() < 0)) {
                return LuaValue.varargsOf(LuaValue.NIL,
                        LuaValue.valueOf("bad 'connections' argument: number expected and greater than 0"));
            }
            // a privileged agent is a separate nginx process; jresty has none to start
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("privileged agent is not supported by jresty"));
        });
        t.anywhere("signal_graceful_exit", Contexts.ANY, (ctx, a) -> {
            throw new ApiError("signal_graceful_exit is not supported by jresty (stop the server instead)");
        });
        return t.table();
    }
}
