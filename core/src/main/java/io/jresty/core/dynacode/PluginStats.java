package io.jresty.core.dynacode;

import java.util.concurrent.atomic.LongAdder;

/** Run counters of one plugin, written by every worker's runner at once, hence adders. */
public final class PluginStats {
    private final LongAdder runs = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    /** Records one call of the plugin: how long it took and whether it raised. */
    public void record(long elapsedNanos, boolean failed) {
        runs.increment();
        nanos.add(elapsedNanos);
        if (failed) {
            errors.increment();
        }
    }

    public long runs() {
        return runs.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long totalNanos() {
        return nanos.sum();
    }
}
