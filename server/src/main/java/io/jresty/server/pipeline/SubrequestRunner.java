package io.jresty.server.pipeline;

import io.jresty.core.coroutine.CoroutineScope;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.Subrequests;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.UriPath;
import io.jresty.server.worker.WorkerPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Serves ngx.location.capture's subrequests through the same phases as a request (without
 * error_page and the log phase, as nginx), each on its own virtual thread of the parent's
 * worker, so capture_multi's subrequests interleave as they do in nginx.
 */
final class SubrequestRunner implements Subrequests {
    private final RequestPipeline pipeline;
    private final WorkerPool pool;
    private final io.jresty.ngx.log.ErrorLog log;

    SubrequestRunner(RequestPipeline pipeline, WorkerPool pool, io.jresty.ngx.log.ErrorLog log) {
        this.pipeline = pipeline;
        this.pool = pool;
        this.log = log;
    }

    /** NGX_HTTP_MAX_SUBREQUESTS. */
    private static final int MAX_DEPTH = 50;

    @Override
    public List<CompletableFuture<Captured>> start(NgxRequest parent, List<Subrequest> subrequests) {
        HttpRequestState p = (HttpRequestState) parent;
        if (p.subrequestDepth() >= MAX_DEPTH) {
            // nginx's limit of 50 nested subrequests: a location that captures itself ends here
            log.log(io.jresty.ngx.log.LogLevel.ERR, p.connectionId(), "subrequests cycle while processing \""
                    + subrequests.getFirst().uri() + "\"", io.jresty.ngx.log.RequestSuffix.of(p));
            throw new io.jresty.ngx.api.ApiError("failed to issue subrequest: subrequests cycle");
        }
        // the states are made on the caller's thread, which holds the worker lock (ctx tables are Lua state)
        List<HttpRequestState> states = new ArrayList<>();
        for (Subrequest s : subrequests) {
            states.add(state(p, s));
        }
        LuaWorker worker = pool.forConnection(p.connectionId());
        List<CompletableFuture<Captured>> futures = new ArrayList<>();
        for (HttpRequestState sub : states) {
            CompletableFuture<Captured> done = new CompletableFuture<>();
            Thread.ofVirtual().name("subrequest").start(() -> {
                try {
                    done.complete(run(worker, sub));
                } catch (Throwable e) {
                    // Lua errors were logged by the phases already; this is a fault of jresty's own
                    log.log(io.jresty.ngx.log.LogLevel.ERR, sub.connectionId(), "subrequest failed: " + e,
                            io.jresty.ngx.log.RequestSuffix.of(sub));
                    done.complete(new Captured(500, Map.of(), new byte[0], false));
                }
            });
            futures.add(done);
        }
        return futures;
    }

    private static HttpRequestState state(HttpRequestState parent, Subrequest s) {
        HttpRequestState sub = new HttpRequestState(parent, s.method(), UriPath.normalize(s.uri()), s.args());
        sub.userVariables(switch (s.varsMode()) {
            case SHARE -> parent.userVariables();
            case COPY -> new HashMap<>(parent.userVariables());
            case FRESH -> new HashMap<>();
        });
        // measured on nginx: the length of the body the subrequest gets, else no Content-Length
        sub.setRequestHeader("Transfer-Encoding", List.of());
        sub.setRequestHeader("Content-Length",
                s.body() == null ? List.of() : List.of(String.valueOf(s.body().length)));
        sub.replaceBody(s.body());
        for (Map.Entry<String, String> v : s.vars().entrySet()) {
            String error = sub.setVariable(v.getKey(), v.getValue());
            if (error != null) {
                throw new io.jresty.ngx.api.ApiError(error);
            }
        }
        if (s.ctx() != null) {
            sub.ctx(s.ctx());
        }
        return sub;
    }

    private Captured run(LuaWorker worker, HttpRequestState sub) {
        try (CoroutineScope scope = CoroutineScope.open()) {
            Outcome outcome = pipeline.serve(worker, sub);
            int status = outcome instanceof Outcome.Finish f ? f.status() : 0;
            if (status != 0 && status != 444 && !sub.headersSent()) {
                // measured on nginx: res.body stays empty, no error page is captured
                sub.status(status);
            }
            // an error after the headers went out cuts the body short: nginx flags it truncated
            boolean truncated = (status >= 500 || status == 444) && sub.headersSent();
            sub.eof();
            Map<String, List<String>> headers = new LinkedHashMap<>(sub.responseHeaders().all());
            // a HEAD subrequest is header-only, as the client would see it
            byte[] body = sub.method().equals("HEAD") ? new byte[0] : sub.output();
            return new Captured(sub.status() == 0 ? 200 : sub.status(), headers, body, truncated);
        } finally {
            sub.cleanup();
        }
    }
}
