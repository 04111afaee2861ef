package io.jresty.server.proxy;

import io.jresty.core.module.LuaModules;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import io.jresty.server.worker.WorkerPool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code require "jresty.upstream"}: jresty's run-time control of upstream blocks, without a
 * reload. Every worker sees the same upstreams.
 * <pre>
 * local upstream = require "jresty.upstream"
 * upstream.set_servers("backend", { "127.0.0.1:8081", { host = "127.0.0.1", port = 8082, weight = 2,
 *     max_fails = 3, fail_timeout = 10, backup = false, down = false } })   -- true | nil, err
 * upstream.get_servers("backend")      -- array of tables as above | nil, err
 * upstream.health_check("backend", { path = "/health", interval = 1, timeout = 1, rise = 2, fall = 2,
 *     valid_statuses = { 200 } })      -- starts (or replaces) active checks; false stops them
 * upstream.status()                    -- JSON text: every upstream, its peers and their health
 * </pre>
 */
final class UpstreamModule {
    private static final String NOT_FOUND = "upstream not found";

    private UpstreamModule() {}

    static void install(WorkerPool pool, Upstreams upstreams) {
        for (LuaWorker w : pool.workers()) {
            LuaModules.preload(w.globals(), "jresty.upstream", LuaModules.constant("jresty.upstream",
                    module(upstreams)));
        }
    }

    private static LuaTable module(Upstreams upstreams) {
        ApiTable t = new ApiTable("jresty.upstream.", new LuaTable());
        t.anywhere("set_servers", Contexts.ANY, (ctx, args) -> setServers(upstreams, args));
        t.anywhere("get_servers", Contexts.ANY, (ctx, args) -> getServers(upstreams, args));
        t.anywhere("health_check", Contexts.ANY, (ctx, args) -> healthCheck(upstreams, args));
        t.anywhere("status", Contexts.ANY, (ctx, args) -> LuaValue.valueOf(UpstreamStatus.json(upstreams)));
        return t.table();
    }

    private static Varargs fail(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }

    private static Varargs setServers(Upstreams upstreams, Varargs args) {
        UpstreamGroup g = upstreams.named(args.checkjstring(1));
        if (g == null) {
            return fail(NOT_FOUND);
        }
        LuaTable list = args.checktable(2);
        List<UpstreamServer> servers = new ArrayList<>();
        for (int i = 1; i <= list.length(); i++) {
            try {
                servers.add(server(list.get(i)));
            } catch (IllegalArgumentException e) {
                return fail("bad server #" + i + ": " + e.getMessage());
            }
        }
        if (servers.isEmpty()) {
            return fail("no servers");
        }
        g.servers(servers);
        return LuaValue.TRUE;
    }

    private static UpstreamServer server(LuaValue v) {
        if (v.isstring()) {
            String a = v.tojstring();
            int colon = a.lastIndexOf(':');
            return new UpstreamServer(colon < 0 ? a : a.substring(0, colon),
                    colon < 0 ? 80 : port(a.substring(colon + 1)), 1, 1, 10_000, false, false);
        }
        if (!v.istable()) {
            throw new IllegalArgumentException("string or table expected, got " + v.typename());
        }
        String host = v.get("host").optjstring(null);
        if (host == null) {
            throw new IllegalArgumentException("no host");
        }
        int port = v.get("port").isnil() ? 80 : port(v.get("port").tojstring());
        return new UpstreamServer(host, port, v.get("weight").optint(1), v.get("max_fails").optint(1),
                Math.round(v.get("fail_timeout").optdouble(10) * 1000), v.get("backup").toboolean(),
                v.get("down").toboolean(), v.get("max_conns").optint(0));
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid port \"" + text + "\"");
    }

    private static Varargs getServers(Upstreams upstreams, Varargs args) {
        UpstreamGroup g = upstreams.named(args.checkjstring(1));
        if (g == null) {
            return fail(NOT_FOUND);
        }
        LuaTable out = new LuaTable();
        int i = 1;
        for (PeerState p : g.peers()) {
            UpstreamServer s = p.server;
            LuaTable t = new LuaTable();
            t.set("host", s.host());
            t.set("port", s.port());
            t.set("weight", s.weight());
            t.set("max_fails", s.maxFails());
            t.set("fail_timeout", s.failTimeout() / 1000.0);
            t.set("backup", LuaValue.valueOf(s.backup()));
            t.set("down", LuaValue.valueOf(s.down()));
            out.set(i++, t);
        }
        return out;
    }

    private static Varargs healthCheck(Upstreams upstreams, Varargs args) {
        UpstreamGroup g = upstreams.named(args.checkjstring(1));
        if (g == null) {
            return fail(NOT_FOUND);
        }
        LuaValue opts = args.arg(2);
        if (opts == LuaValue.FALSE) {
            g.health(null);
            return LuaValue.TRUE;
        }
        LuaTable o = opts.isnil() ? new LuaTable() : opts.checktable();
        Set<Integer> valid = new HashSet<>();
        LuaValue statuses = o.get("valid_statuses");
        if (statuses.istable()) {
            for (int i = 1; i <= statuses.length(); i++) {
                valid.add(statuses.get(i).checkint());
            }
        }
        double interval = o.get("interval").optdouble(1);
        double timeout = o.get("timeout").optdouble(1);
        int rise = o.get("rise").optint(2);
        int fall = o.get("fall").optint(2);
        if (interval <= 0 || timeout <= 0 || rise < 1 || fall < 1) {
            return fail("bad health check option");
        }
        HealthCheck check = new HealthCheck(g, new HealthCheck.Settings(o.get("path").optjstring("/"),
                Math.round(interval * 1000), Math.round(timeout * 1000), rise, fall, Set.copyOf(valid)),
                upstreams.log());
        g.health(check);
        check.start();
        return LuaValue.TRUE;
    }
}
