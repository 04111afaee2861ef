package io.jresty.core.dynacode;

import io.jresty.core.compile.ChunkCompiler;

/**
 * The dynamic-plugin engine of one server: polls the plugin document, compiles it and keeps
 * the current {@link PluginSnapshot} in its {@link PluginRegistry}. The Lua-facing
 * {@code resty.dynacode.controller} is a thin layer over this class.
 */
public final class Dynacode implements AutoCloseable {
    private final DynacodeSettings settings;
    private final PluginRegistry registry = new PluginRegistry();
    private final DynacodeEvents events;
    private final PluginUpdater updater;
    private final PluginPoller poller;

    public Dynacode(DynacodeSettings settings) {
        this(settings, ChunkCompiler.shared());
    }

    Dynacode(DynacodeSettings settings, ChunkCompiler compiler) {
        this.settings = settings;
        this.events = new DynacodeEvents(settings.errorLog());
        this.updater = new PluginUpdater(settings, registry, events, compiler);
        this.poller = new PluginPoller(updater, settings);
    }

    public DynacodeSettings settings() {
        return settings;
    }

    /** Where listeners subscribe to dynacode's bg_* and on_error events. */
    public DynacodeEvents events() {
        return events;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The installed snapshot, or null before the first document. */
    public PluginSnapshot current() {
        return registry.current();
    }

    /** Starts the background poll (once; later calls do nothing). */
    public void start() {
        poller.start();
    }

    /** Polls now, on the caller's thread; true when a new snapshot was installed. */
    public boolean pollNow() throws InterruptedException {
        return updater.poll();
    }

    /** Installs the persisted last good document, if there is a sound one; true when installed. */
    public boolean loadPersisted() {
        return updater.loadPersisted();
    }

    public DynacodeCounters counters() {
        return updater.counters();
    }

    /** The engine's state as JSON, for a status location. */
    public String statusJson() {
        return DynacodeStatus.render(settings, registry.current(), counters());
    }

    /** Stops the background poll; the installed snapshot stays readable. */
    @Override
    public void close() throws InterruptedException {
        poller.stop();
    }
}
