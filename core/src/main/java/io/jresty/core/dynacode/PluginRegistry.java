package io.jresty.core.dynacode;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current snapshot of a server, swapped whole by the poller. A request calls
 * {@link #current()} once, at its first hooked phase, and keeps that snapshot for every later
 * phase; a swap in between affects only the next request.
 */
public final class PluginRegistry {
    private final AtomicReference<PluginSnapshot> current = new AtomicReference<>();

    /** The installed snapshot, or null before the first document (dynacode: "the plugins are not loaded yet"). */
    public PluginSnapshot current() {
        return current.get();
    }

    void install(PluginSnapshot snapshot) {
        current.set(snapshot);
    }
}
