package io.jresty.ngx;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.request.NgxRequest;

/**
 * What the Lua code running on this thread belongs to: its worker, its phase and, in
 * request phases, its request. ngx functions resolve it at call time, never at compile
 * time: a plugin compiled in a timer runs later in request phases.
 */
public final class NgxContext {
    private static final ThreadLocal<NgxContext> CURRENT = new ThreadLocal<>();

    private final LuaWorker worker;
    private final NgxRequest request;
    private Phase phase;

    public NgxContext(LuaWorker worker, NgxRequest request, Phase phase) {
        this.worker = worker;
        this.request = request;
        this.phase = phase;
    }

    /** The context of this thread, or null outside any Lua call of jresty. */
    public static NgxContext current() {
        return CURRENT.get();
    }

    /** Makes ctx current until the returned scope is closed (then the previous one comes back). */
    public static Scope enter(NgxContext ctx) {
        NgxContext previous = CURRENT.get();
        CURRENT.set(ctx);
        return () -> CURRENT.set(previous);
    }

    public LuaWorker worker() {
        return worker;
    }

    /** The request, or null in init, init_worker and timers. */
    public NgxRequest request() {
        return request;
    }

    public Phase phase() {
        return phase;
    }

    public void phase(Phase phase) {
        this.phase = phase;
    }

    /** Restores the previous context when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
