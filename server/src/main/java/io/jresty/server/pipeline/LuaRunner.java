package io.jresty.server.pipeline;

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
import io.jresty.core.budget.Budget;
import io.jresty.core.budget.HeapExhaustion;
import io.jresty.core.budget.LuaTimeout;
import java.time.Duration;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Runs one *_by_lua handler of a request under its worker's lock, and turns how it ended
 * (return, ngx.exit, ngx.exec, a Lua error) into an {@link Outcome}. Errors are logged in
 * lua-nginx-module's words and never reach the client as a stack trace.
 */
final class LuaRunner {
    private final WorkerPool pool;
    private final ErrorLog log;

    LuaRunner(WorkerPool pool, ErrorLog log) {
        this.pool = pool;
        this.log = log;
    }

    Outcome run(LuaWorker worker, HttpRequestState r, Phase phase, LuaChunk chunk) {
        Result result = call(worker, r, phase, chunk, LuaValue.NONE);
        return result.outcome();
    }

    /** The values a handler returned (set_by_lua), with how it ended. */
    record Result(Outcome outcome, Varargs values) {}

    Result call(LuaWorker worker, HttpRequestState r, Phase phase, LuaChunk chunk, Varargs args) {
        if (chunk.loadError() != null) {
            log.log(LogLevel.ERR, r.connectionId(), chunk.loadError(), RequestSuffix.of(r));
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        }
        boolean nested = worker.heldByCurrentThread();
        if (r.location() != null) {
            // cosockets read their lua_socket_* settings from the request
            r.attributes().put(io.jresty.ngx.socket.SocketDefaults.class, r.location().settings().request().socket());
        }
        NgxContext ctx = new NgxContext(worker, r, phase);
        // lua_check_client_abort: the client's close reaches this handler while it runs
        boolean watched = !nested && r.clientAbort().enter(ctx);
        try {
            return callWatched(worker, r, phase, chunk, args, ctx, nested);
        } finally {
            if (watched) {
                r.clientAbort().leave(ctx);
            }
        }
    }

    private Result callWatched(LuaWorker worker, HttpRequestState r, Phase phase, LuaChunk chunk, Varargs args,
            NgxContext ctx, boolean nested) {
        try {
            long budgetMs = r == null || r.location() == null ? 0 : r.location().settings().luaBudgetMs();
            long allocLimit = r == null || r.location() == null ? 0 : r.location().settings().luaAllocLimit();
            return worker.call(() -> {
                try (NgxContext.Scope s = NgxContext.enter(ctx)) {
                    LuaFunction fn = pool.function(worker, chunk);
                    Varargs values;
                    try {
                        values = budgetMs <= 0 && allocLimit <= 0 ? fn.invoke(args)
                                : Budget.run(Duration.ofMillis(Math.max(0, budgetMs)), allocLimit, chunk.name(),
                                        () -> fn.invoke(args));
                        // the handler ends when its light threads have (ngx.thread.spawn)
                        io.jresty.ngx.thread.NgxThread.finish(ctx);
                    } catch (RuntimeException | Error e) {
                        io.jresty.ngx.thread.NgxThread.abandon(ctx);
                        throw e;
                    }
                    return new Result(Outcome.NEXT, values);
                }
            });
        } catch (NgxExit exit) {
            if (nested) {
                throw exit;
            }
            return new Result(exitOutcome(exit, phase), LuaValue.NONE);
        } catch (LuaError e) {
            logFailure(r, phase, e.getMessage());
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        } catch (LuaTimeout e) {
            logFailure(r, phase, e.getMessage());
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        } catch (StackOverflowError e) {
            logFailure(r, phase, "stack overflow");
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        } catch (OutOfMemoryError e) {
            // what the handler built is garbage now; only the heap's kind is freed by ending it
            if (!HeapExhaustion.recoverable(e)) {
                throw e;
            }
            logFailure(r, phase, "not enough memory");
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        } catch (Exception e) {
            logFailure(r, phase, String.valueOf(e));
            return new Result(new Outcome.Finish(500), LuaValue.NONE);
        }
    }

    private static Outcome exitOutcome(NgxExit exit, Phase phase) {
        if (exit.kind() == NgxExit.Kind.EXEC) {
            return new Outcome.Redirect(exit.uri(), exit.args(), false);
        }
        int status = exit.status();
        if (status == 0) {
            return phase == Phase.CONTENT ? new Outcome.Finish(0) : Outcome.NEXT;
        }
        if (status == -5) {
            // DECLINED: rewrite and access go on; content has nothing to send and closes
            return phase == Phase.CONTENT ? new Outcome.Finish(444) : Outcome.NEXT;
        }
        if (status == -1) {
            // ERROR: nginx finalizes with NGX_ERROR and closes the connection without a response
            return new Outcome.Finish(444);
        }
        return new Outcome.Finish(status);
    }

    void logFailure(HttpRequestState r, Phase phase, String message) {
        log.log(LogLevel.ERR, r == null ? 0 : r.connectionId(),
                (phase == Phase.HEADER_FILTER || phase == Phase.BODY_FILTER || phase == Phase.LOG || phase == Phase.SET
                        ? "failed to run " + phase.directive() + "*: " : "lua entry thread aborted: runtime error: ")
                        + message,
                r == null ? null : RequestSuffix.of(r));
    }
}
