package io.jresty.ngx.location;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.Subrequests;
import io.jresty.ngx.thread.Yielding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.location.capture and capture_multi: subrequests to other locations of the same server,
 * whose responses come back as Lua tables. The caller waits with its worker's lock released,
 * as the Lua coroutine yields in OpenResty, so the subrequests' own Lua can run.
 */
public final class NgxLocation implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable location = new LuaTable();
        ApiTable api = new ApiTable("ngx.location.", location);
        // the phase check comes first, so a timer reads "API disabled in the context of ngx.timer"
        api.anywhere("capture", Contexts.REWRITE_ACCESS_CONTENT, NgxLocation::capture);
        api.anywhere("capture_multi", Contexts.REWRITE_ACCESS_CONTENT, NgxLocation::captureMulti);
        ngx.set("location", location);
    }

    private static Varargs capture(NgxContext ctx, Varargs args) {
        if (args.narg() != 1 && args.narg() != 2) {
            throw new ApiError("expecting one or two arguments");
        }
        LuaTable one = new LuaTable();
        one.set(1, args.arg1());
        one.set(2, args.arg(2));
        Subrequests.Subrequest sub = CaptureOptions.parse(ctx.request(), 1, one);
        return run(ctx, List.of(sub)).get(0);
    }

    private static Varargs captureMulti(NgxContext ctx, Varargs args) {
        if (args.narg() != 1) {
            throw new ApiError("only one argument is expected, but got " + args.narg());
        }
        LuaTable list = args.checktable(1);
        int n = list.length();
        if (n == 0) {
            throw new ApiError("at least one subrequest should be specified");
        }
        List<Subrequests.Subrequest> subs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            LuaValue query = list.get(i);
            if (!query.istable()) {
                // lua-nginx-module counts the queries from 0 here
                throw new ApiError("the query argument " + (i - 1) + " is not a table, but a " + query.typename());
            }
            subs.add(CaptureOptions.parse(ctx.request(), i, (LuaTable) query));
        }
        List<LuaTable> results = run(ctx, subs);
        return LuaValue.varargsOf(results.toArray(new LuaValue[0]));
    }

    private static List<LuaTable> run(NgxContext ctx, List<Subrequests.Subrequest> subs) {
        NgxRequest parent = ctx.request();
        Subrequests runner = parent == null ? null : parent.subrequests();
        if (runner == null) {
            throw new ApiError("subrequests are not supported here");
        }
        List<CompletableFuture<Subrequests.Captured>> started = runner.start(parent, subs);
        List<Subrequests.Captured> captured = Yielding.wait(ctx, () -> {
            List<Subrequests.Captured> all = new ArrayList<>();
            for (CompletableFuture<Subrequests.Captured> f : started) {
                all.add(f.get());
            }
            return all;
        });
        List<LuaTable> out = new ArrayList<>();
        for (Subrequests.Captured c : captured) {
            out.add(result(c));
        }
        return out;
    }

    private static LuaTable result(Subrequests.Captured c) {
        LuaTable res = new LuaTable();
        res.set("status", LuaValue.valueOf(c.status()));
        LuaTable header = new LuaTable();
        for (Map.Entry<String, List<String>> h : c.headers().entrySet()) {
            List<String> values = h.getValue();
            if (values.size() == 1) {
                header.set(h.getKey(), LuaValue.valueOf(values.get(0)));
            } else if (!values.isEmpty()) {
                LuaTable many = new LuaTable();
                for (int i = 0; i < values.size(); i++) {
                    many.set(i + 1, LuaValue.valueOf(values.get(i)));
                }
                header.set(h.getKey(), many);
            }
        }
        res.set("header", header);
        res.set("body", LuaString.valueUsing(c.body()));
        res.set("truncated", LuaValue.valueOf(c.truncated()));
        return res;
    }
}
