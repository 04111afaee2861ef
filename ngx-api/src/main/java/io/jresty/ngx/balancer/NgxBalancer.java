package io.jresty.ngx.balancer;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.phase.Phase;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * lua-resty-core's {@code ngx.balancer} module (set_current_peer, set_more_tries,
 * get_last_failure, set_timeouts), for balancer_by_lua. As there, calls outside the balancer
 * phase return nil and an error ("no upstream found" before the request proxies, else "API
 * disabled in the current context") rather than raising.
 */
public final class NgxBalancer {
    private static final String DISABLED = "API disabled in the current context";
    /** Before the content phase proxies, nginx's request has no upstream yet. */
    private static final String NO_UPSTREAM = "no upstream found";

    private NgxBalancer() {}

    /** The module table, for package.loaded["ngx.balancer"]. */
    public static LuaTable module() {
        ApiTable t = new ApiTable("ngx.balancer.", new LuaTable());
        t.request("set_current_peer", Contexts.ANY, NgxBalancer::setCurrentPeer);
        t.request("set_more_tries", Contexts.ANY, NgxBalancer::setMoreTries);
        t.request("get_last_failure", Contexts.ANY, NgxBalancer::getLastFailure);
        t.request("set_timeouts", Contexts.ANY, NgxBalancer::setTimeouts);
        return t.table();
    }

    private static Varargs setCurrentPeer(NgxContext ctx, Varargs args) {
        if (ctx.phase() != Phase.BALANCER) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(refusal(ctx)));
        }
        String addr = args.checkjstring(1);
        LuaValue p = args.arg(2);
        int port;
        if (p.isnil()) {
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("no port in upstream \"" + addr + "\""));
            }
            port = parsePort(addr.substring(colon + 1));
            addr = addr.substring(0, colon);
        } else {
            port = p.isnumber() ? p.toint() : parsePort(p.tojstring());
        }
        if (port <= 0 || port > 65535) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("invalid port"));
        }
        BalancerState.of(ctx.request()).peer(addr, port);
        return LuaValue.TRUE;
    }

    private static String refusal(NgxContext ctx) {
        return switch (ctx.phase()) {
            case REWRITE, ACCESS, CONTENT, SET -> NO_UPSTREAM;
            default -> DISABLED;
        };
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Varargs setMoreTries(NgxContext ctx, Varargs args) {
        if (ctx.phase() != Phase.BALANCER) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(refusal(ctx)));
        }
        int count = args.checkint(1);
        if (BalancerState.of(ctx.request()).moreTries(count)) {
            return LuaValue.varargsOf(LuaValue.TRUE, LuaValue.valueOf("reduced tries due to limit"));
        }
        return LuaValue.TRUE;
    }

    private static Varargs getLastFailure(NgxContext ctx, Varargs args) {
        if (ctx.phase() != Phase.BALANCER) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL, LuaValue.valueOf(refusal(ctx)));
        }
        BalancerState s = BalancerState.of(ctx.request());
        if (s.lastFailure() == null) {
            return LuaValue.NIL;
        }
        return LuaValue.varargsOf(LuaValue.valueOf(s.lastFailure()), LuaValue.valueOf(s.lastStatus()));
    }

    private static Varargs setTimeouts(NgxContext ctx, Varargs args) {
        long connect = timeout(args.arg(1), "connect");
        long send = timeout(args.arg(2), "send");
        long read = timeout(args.arg(3), "read");
        if (ctx.phase() != Phase.BALANCER) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(refusal(ctx)));
        }
        BalancerState.of(ctx.request()).timeouts(connect, send, read);
        return LuaValue.TRUE;
    }

    private static long timeout(LuaValue v, String which) {
        if (v.isnil()) {
            return -1;
        }
        if (!v.isnumber() || v.todouble() <= 0) {
            throw new ApiError("bad " + which + " timeout");
        }
        return Math.round(v.todouble() * 1000);
    }
}
