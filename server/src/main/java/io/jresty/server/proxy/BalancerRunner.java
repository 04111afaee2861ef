package io.jresty.server.proxy;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.lua.LuaChunk;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.worker.WorkerPool;
import org.luaj.vm2.LuaError;

/** Runs balancer_by_lua for one try of a request, under the worker's lock, in the balancer phase. */
final class BalancerRunner {
    private final WorkerPool pool;
    private final ErrorLog log;

    BalancerRunner(WorkerPool pool, ErrorLog log) {
        this.pool = pool;
        this.log = log;
    }

    /** False when the handler failed (nginx then finishes the request with 500). */
    boolean run(LuaWorker worker, HttpRequestState r, LuaChunk chunk) {
        if (chunk.loadError() != null) {
            log.log(LogLevel.ERR, r.connectionId(), chunk.loadError(), RequestSuffix.of(r));
            return false;
        }
        NgxContext ctx = new NgxContext(worker, r, Phase.BALANCER);
        try {
            worker.call(() -> {
                try (NgxContext.Scope s = NgxContext.enter(ctx)) {
                    pool.function(worker, chunk).call();
                }
                return null;
            });
            return true;
        } catch (NgxExit exit) {
            return exit.status() == 0;
        } catch (LuaError e) {
            fail(r, e.getMessage());
        } catch (Exception e) {
            fail(r, String.valueOf(e));
        }
        return false;
    }

    private void fail(HttpRequestState r, String message) {
        log.log(LogLevel.ERR, r.connectionId(), "failed to run balancer_by_lua*: " + message, RequestSuffix.of(r));
    }
}
