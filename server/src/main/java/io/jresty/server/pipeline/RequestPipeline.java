package io.jresty.server.pipeline;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.LocationBlock;
import io.jresty.server.http.ServerBlock;
import io.jresty.server.http.Settings;
import io.jresty.server.location.LocationMatcher;
import io.jresty.server.lua.LuaChunk;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.UriPath;
import io.jresty.server.worker.WorkerPool;
import java.util.List;

/**
 * nginx's phases for one request, in order: server rewrite, find location, rewrite, access,
 * content; header_filter and body_filter when output goes out; log at the end. Runs on the
 * request's virtual thread.
 */
public final class RequestPipeline {
    private static final int MAX_REDIRECTS = 10;

    private final WorkerPool pool;
    private final LuaRunner lua;
    private final RewritePhase rewrites;
    private final StaticContent statics;
    private final OutputFilters filters;
    private final io.jresty.server.proxy.ProxyContent proxy;
    private final ErrorLog log;
    private final java.nio.file.Path bodyTemp;
    private final SubrequestRunner subrequests;

    public RequestPipeline(HttpBlock http, WorkerPool pool, ErrorLog log) {
        this.pool = pool;
        this.log = log;
        this.lua = new LuaRunner(pool, log);
        this.rewrites = new RewritePhase(lua);
        this.statics = new StaticContent(http.mimeTypes());
        this.filters = new OutputFilters(pool, lua);
        this.proxy = new io.jresty.server.proxy.ProxyContent(http, pool, log);
        this.bodyTemp = http.prefix().resolve("client_body_temp");
        this.subrequests = new SubrequestRunner(this, pool, log);
    }

    /** Serves r from its first phase to its log phase; the response is complete in r afterwards. */
    public void process(HttpRequestState r) {
        LuaWorker worker = pool.forConnection(r.connectionId());
        r.filters(filters.bind(worker));
        r.bodyTemp(bodyTemp);
        r.subrequests(subrequests);
        // suspended coroutines of the request end with it (their virtual threads would stay parked)
        try (io.jresty.core.coroutine.CoroutineScope scope = io.jresty.core.coroutine.CoroutineScope.open()) {
            Outcome outcome = serve(worker, r);
            finish(worker, r, outcome);
        }
    }

    /** Runs the log phase once the response is on its way. */
    public void logPhase(HttpRequestState r) {
        LuaWorker worker = pool.forConnection(r.connectionId());
        LuaChunk chunk = r.location() == null ? null : r.location().settings().lua().get(Phase.LOG);
        try {
            if (chunk != null) {
                try (io.jresty.core.coroutine.CoroutineScope scope = io.jresty.core.coroutine.CoroutineScope.open()) {
                    lua.run(worker, r, Phase.LOG, chunk);
                }
            }
        } finally {
            // cosockets the request's Lua left open end with it, as nginx closes them
            io.jresty.ngx.socket.NgxSocketTcp.cleanup(r);
        }
    }

    Outcome serve(LuaWorker worker, HttpRequestState r) {
        if (r.uri() == null) {
            r.location(serverLocation(r.server()), null);
            return new Outcome.Finish(400);
        }
        r.location(serverLocation(r.server()), null);
        Outcome outcome = rewrites.run(worker, r, r.server().rewrites());
        if (outcome instanceof Outcome.Finish) {
            return outcome;
        }
        if (outcome instanceof Outcome.Redirect redirect) {
            r.uri(UriPath.normalize(redirect.uri()));
            r.args(redirect.args());
        }
        LocationBlock named = null;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            if (named != null) {
                r.location(named, null);
            } else {
                LocationMatcher.Match match = LocationMatcher.find(r.server().locations(), r.uri());
                if (match == null) {
                    r.location(serverLocation(r.server()), null);
                } else {
                    r.location(match.location(), match.captures());
                }
                if (r.location().internal() && !r.isInternal()) {
                    return new Outcome.Finish(404);
                }
            }
            named = null;
            outcome = phases(worker, r);
            if (!(outcome instanceof Outcome.Redirect redirect)) {
                return outcome;
            }
            r.internal(true);
            if (!redirect.reSearchOnly()) {
                r.ctx(null);
            }
            if (redirect.uri().startsWith("@")) {
                named = LocationMatcher.named(r.server().locations(), redirect.uri());
                if (named == null) {
                    return new Outcome.Finish(500);
                }
            } else {
                r.uri(UriPath.normalize(redirect.uri()));
                r.args(redirect.args());
            }
        }
        log.log(io.jresty.ngx.log.LogLevel.ERR, r.connectionId(),
                "rewrite or internal redirection cycle while internally redirecting to \"" + r.uri() + "\"", null);
        return new Outcome.Finish(500);
    }

    private Outcome phases(LuaWorker worker, HttpRequestState r) {
        Settings s = r.location().settings();
        if (bodyTooLarge(r, s.maxBodySize())) {
            return new Outcome.Finish(413);
        }
        Outcome outcome = rewrites.run(worker, r, r.location().rewrites());
        if (outcome != Outcome.NEXT) {
            return outcome;
        }
        if (s.request().needRequestBody() && (s.lua().get(Phase.REWRITE) != null
                || s.lua().get(Phase.ACCESS) != null || s.lua().get(Phase.CONTENT) != null)) {
            r.readBody();
        }
        for (Phase phase : List.of(Phase.REWRITE, Phase.ACCESS)) {
            LuaChunk chunk = s.lua().get(phase);
            if (chunk != null) {
                outcome = lua.run(worker, r, phase, chunk);
                if (outcome != Outcome.NEXT) {
                    return outcome;
                }
                if (r.headersSent()) {
                    // output from rewrite or access ends the request there, as in lua-nginx-module
                    return new Outcome.Finish(0);
                }
            }
        }
        LuaChunk content = s.lua().get(Phase.CONTENT);
        if (content != null) {
            outcome = lua.run(worker, r, Phase.CONTENT, content);
            return outcome == Outcome.NEXT ? new Outcome.Finish(0) : outcome;
        }
        if (io.jresty.server.proxy.ProxyContent.proxies(r.location())) {
            int status = proxy.serve(worker, r);
            io.jresty.server.proxy.AccelRedirect accel = io.jresty.server.proxy.AccelRedirect.take(r);
            return accel != null ? new Outcome.Redirect(accel.uri(), accel.args(), false) : new Outcome.Finish(status);
        }
        return statics.serve(r);
    }

    private void finish(LuaWorker worker, HttpRequestState r, Outcome outcome) {
        int status = outcome instanceof Outcome.Finish f ? f.status() : 0;
        if (status == 444) {
            r.closeConnection();
            return;
        }
        if (r.clientAbort().aborted()) {
            // the client is gone: no response, the log phase sees the status (499 when Lua ended on the abort)
            r.closeConnection();
            r.status(status != 0 ? status : r.status() != 0 ? r.status() : 200);
            return;
        }
        if (status != 0 && !r.headersSent()) {
            if (status >= 300 && errorPage(worker, r, status)) {
                return;
            }
            r.status(status);
            if (ErrorPages.hasPage(status) && status >= 300) {
                r.responseHeaders().set("Content-Type", "text/html");
                r.responseHeaders().remove("Content-Length");
                r.write(ErrorPages.page(status));
            }
        }
        r.eof();
    }

    private boolean errorPage(LuaWorker worker, HttpRequestState r, int status) {
        Settings.ErrorPage page = r.location() == null ? null : r.location().settings().errorPages().get(status);
        if (page == null || r.isInternal()) {
            return false;
        }
        r.resetResponse();
        r.internal(true);
        r.method(r.method().equals("HEAD") ? "HEAD" : "GET");
        int target = page.overrideStatus() == null ? status : page.overrideStatus();
        if (page.uri().startsWith("@")) {
            r.location(LocationMatcher.named(r.server().locations(), page.uri()), null);
        } else {
            int q = page.uri().indexOf('?');
            r.uri(q < 0 ? page.uri() : page.uri().substring(0, q));
            r.args(q < 0 ? null : page.uri().substring(q + 1));
            LocationMatcher.Match m = LocationMatcher.find(r.server().locations(), r.uri());
            r.location(m == null ? serverLocation(r.server()) : m.location(), m == null ? null : m.captures());
        }
        if (r.location() == null) {
            return false;
        }
        if (target > 0) {
            r.statusOverride(target);
        }
        Outcome outcome = phases(worker, r);
        int next = outcome instanceof Outcome.Finish f ? f.status() : 0;
        if (next != 0 && !r.headersSent()) {
            r.status(target > 0 ? target : next);
            if (ErrorPages.hasPage(r.status())) {
                r.responseHeaders().set("Content-Type", "text/html");
                r.write(ErrorPages.page(r.status()));
            }
        }
        r.eof();
        return true;
    }

    /**
     * client_max_body_size against the declared Content-Length, before anything reads the body;
     * a chunked body is held to it while it is read (HttpRequestState.readBody).
     */
    private static boolean bodyTooLarge(HttpRequestState r, long max) {
        if (max <= 0) {
            return false;
        }
        String length = r.requestHeader("Content-Length");
        try {
            return length != null && Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static LocationBlock serverLocation(ServerBlock server) {
        return new LocationBlock(LocationBlock.Modifier.PREFIX, "", null, server.settings(), List.of(), false,
                List.of());
    }
}
