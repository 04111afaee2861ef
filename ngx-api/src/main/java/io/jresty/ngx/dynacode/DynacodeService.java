package io.jresty.ngx.dynacode;

import io.jresty.core.dynacode.Dynacode;
import io.jresty.core.dynacode.DynacodeEvent;
import io.jresty.core.dynacode.DynacodeSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The server-wide side of resty.dynacode.controller: one engine for all workers (one fetch
 * per interval for the whole server), and the workers whose Lua listeners hear its events.
 */
final class DynacodeService implements AutoCloseable {
    private volatile Dynacode engine;
    private final List<Consumer<DynacodeEvent>> workers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Quarantine quarantine = new Quarantine();
    private volatile SafetySettings safety;

    /** The engine, made by the first setup; later setups (other workers) share it. */
    synchronized Dynacode engine(DynacodeSettings settings) {
        if (engine == null) {
            Dynacode d = new Dynacode(settings);
            d.events().on(event -> {
                if (event instanceof DynacodeEvent.UpdatedPlugins && d.current() != null) {
                    quarantine.forgetAllBut(d.current().hash());
                }
                workers.forEach(w -> w.accept(event));
            });
            d.loadPersisted();
            engine = d;
        }
        return engine;
    }

    Dynacode engine() {
        return engine;
    }

    /** The sandbox, budget and quarantine settings of the first setup. */
    synchronized SafetySettings safety(SafetySettings s) {
        if (safety == null) {
            safety = s;
        }
        return safety;
    }

    SafetySettings safety() {
        return safety;
    }

    Quarantine quarantine() {
        return quarantine;
    }

    void addWorker(Consumer<DynacodeEvent> listener) {
        workers.add(listener);
    }

    /** Starts polling once, whichever worker's init_worker comes first. */
    void start() {
        Dynacode d = engine;
        if (d != null && started.compareAndSet(false, true)) {
            d.start();
        }
    }

    @Override
    public void close() throws InterruptedException {
        Dynacode d = engine;
        if (d != null) {
            d.close();
        }
    }
}
