package io.jresty.ngx.request;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.luaj.vm2.LuaTable;

/**
 * Runs subrequests for ngx.location.capture: another location of the parent's server serves
 * them in-process, and their responses are kept in memory instead of going to the client.
 */
public interface Subrequests {
    /**
     * Starts the subrequests of parent, each on its own thread; each future completes with its
     * captured response. The caller waits for them with its worker's lock released.
     */
    List<CompletableFuture<Captured>> start(NgxRequest parent, List<Subrequest> subrequests);

    /** How a subrequest gets the parent's `set` variables. */
    enum VarsMode { FRESH, COPY, SHARE }

    /**
     * One subrequest as capture's options describe it; body is what it reads as its request
     * body (null for none), ctx its ngx.ctx (null for a fresh one).
     */
    record Subrequest(String method, String uri, String args, byte[] body, boolean hasBody,
            Map<String, String> vars, VarsMode varsMode, LuaTable ctx) {}

    /** A subrequest's response: status, headers (names as set), body. */
    record Captured(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {}
}
