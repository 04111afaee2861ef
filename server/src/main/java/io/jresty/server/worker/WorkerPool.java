package io.jresty.server.worker;

import io.jresty.core.compile.ChunkCompiler.CompiledChunk;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxApi;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.lua.LuaChunk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;

/**
 * The N Lua workers of a server (worker_processes). Each has its own Lua state; compiled
 * chunks are shared and bound to each worker's globals once.
 */
public final class WorkerPool {
    private final List<LuaWorker> workers;
    private final List<Map<CompiledChunk, LuaFunction>> bound;
    private final ServerEnvironment env;

    public WorkerPool(int count, String packagePath, ServerEnvironment env) {
        List<LuaWorker> ws = new ArrayList<>(count);
        List<Map<CompiledChunk, LuaFunction>> bs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Globals g = LuaGlobals.create(new LuaOptions(packagePath, env.prefix()));
            NgxApi.install(g, env);
            ws.add(new LuaWorker(i, g));
            bs.add(new IdentityHashMap<>());
        }
        this.workers = List.copyOf(ws);
        this.bound = List.copyOf(bs);
        this.env = env;
    }

    public ServerEnvironment environment() {
        return env;
    }

    public List<LuaWorker> workers() {
        return workers;
    }

    public int size() {
        return workers.size();
    }

    /** The worker of a connection: a keepalive connection stays on one worker, as in nginx. */
    public LuaWorker forConnection(long connectionId) {
        return workers.get((int) Math.floorMod(connectionId, (long) workers.size()));
    }

    /** The chunk as a function of this worker's state; call with the worker's lock held. */
    public LuaFunction function(LuaWorker worker, LuaChunk chunk) {
        return bound.get(worker.id()).computeIfAbsent(chunk.compiled(), c -> c.bind(worker.globals()));
    }

    /** Runs init_by_lua or init_worker_by_lua in every worker (see the README on init_by_lua). */
    public void runEverywhere(LuaChunk chunk, Phase phase) {
        if (chunk == null) {
            return;
        }
        if (chunk.loadError() != null) {
            throw new org.luaj.vm2.LuaError(chunk.loadError());
        }
        for (LuaWorker w : workers) {
            w.run(() -> {
                try (NgxContext.Scope s = NgxContext.enter(new NgxContext(w, null, phase))) {
                    function(w, chunk).call();
                }
            });
        }
    }
}
