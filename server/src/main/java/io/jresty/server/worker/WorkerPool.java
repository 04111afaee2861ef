package io.jresty.server.worker;

import io.jresty.core.compile.ChunkCompiler.CompiledChunk;
import io.jresty.core.fork.ForkStats;
import io.jresty.core.fork.StateFork;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxApi;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.log.LogLevel;
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

    /**
     * Runs init_by_lua once, as nginx's master does, in the first worker's state, then gives
     * every other worker a copy of the state it left (nginx's fork): globals, loaded modules
     * and their upvalues are each worker's own from then on; shared dicts stay server-wide.
     * Returns what the copies made, summed over the workers.
     */
    public ForkStats runInit(LuaChunk chunk) {
        if (chunk == null) {
            return new ForkStats(0, 0);
        }
        checkLoaded(chunk);
        LuaWorker master = workers.get(0);
        // paired while every state is still as built: afterwards the built-ins cannot be told apart
        long pairing = System.nanoTime();
        List<StateFork> forks = new ArrayList<>();
        for (LuaWorker w : workers.subList(1, workers.size())) {
            forks.add(StateFork.prepare(master.globals(), w.globals()));
        }
        pairing = System.nanoTime() - pairing;
        run(master, chunk, Phase.INIT);
        long start = System.nanoTime();
        int tables = 0;
        int functions = 0;
        for (int i = 0; i < forks.size(); i++) {
            LuaWorker w = workers.get(i + 1);
            StateFork fork = forks.get(i);
            ForkStats[] stats = new ForkStats[1];
            // in the worker's context: a Forkable value (a module's Java side) binds to it
            w.run(() -> master.run(() -> {
                try (NgxContext.Scope s = NgxContext.enter(new NgxContext(w, null, Phase.INIT))) {
                    stats[0] = fork.copy();
                }
            }));
            tables += stats[0].tables();
            functions += stats[0].functions();
        }
        if (!forks.isEmpty()) {
            env.errorLog().log(LogLevel.INFO, String.format(java.util.Locale.ROOT,
                    "init_by_lua state copied into %d worker(s) in %.1f ms (%d tables, %d functions; "
                            + "built-ins paired in %.1f ms)",
                    forks.size(), (System.nanoTime() - start) / 1e6, tables, functions, pairing / 1e6));
        }
        return new ForkStats(tables, functions);
    }

    /** Runs init_worker_by_lua in every worker. */
    public void runEverywhere(LuaChunk chunk, Phase phase) {
        if (chunk == null) {
            return;
        }
        checkLoaded(chunk);
        for (LuaWorker w : workers) {
            run(w, chunk, phase);
        }
    }

    private void run(LuaWorker w, LuaChunk chunk, Phase phase) {
        w.run(() -> {
            try (NgxContext.Scope s = NgxContext.enter(new NgxContext(w, null, phase))) {
                function(w, chunk).call();
            }
        });
    }

    private static void checkLoaded(LuaChunk chunk) {
        if (chunk.loadError() != null) {
            throw new org.luaj.vm2.LuaError(chunk.loadError());
        }
    }
}
