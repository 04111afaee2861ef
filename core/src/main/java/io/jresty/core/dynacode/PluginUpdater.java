package io.jresty.core.dynacode;

import io.jresty.core.compile.ChunkCompiler;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One poll: fetch, skip what is already installed (304 or same hash), decode, compile,
 * swap, persist; each step reported with dynacode's events. Polls are serialized (the
 * poller and {@code pollNow} may race), so the fields below are guarded by "this".
 */
final class PluginUpdater {
    private final DynacodeSettings settings;
    private final PluginRegistry registry;
    private final DynacodeEvents events;
    private final PluginFetcher fetcher;
    private final PluginCompiler compiler;
    private final SnapshotBuilder builder;
    private final LastGoodDocument lastGood;
    private final FailureStreak streak;

    // Written under "this" by the poll; volatile where the status page reads them without waiting for a poll.
    private String etag;
    private String lastModified;
    private String receivedHash;
    private String rejectedHash;
    private boolean persistedTried;
    private volatile long fetches, notModified, decodes, swaps;
    private volatile Instant lastFetchAt;
    private volatile String lastOutcome, lastError;

    PluginUpdater(DynacodeSettings settings, PluginRegistry registry, DynacodeEvents events, ChunkCompiler chunks) {
        this.settings = settings;
        this.registry = registry;
        this.events = events;
        this.fetcher = new PluginFetcher(settings.pluginApiUri(), settings.timeout(), settings.requestHeaders(),
                settings.sslContext());
        this.compiler = new PluginCompiler(chunks);
        this.builder = new SnapshotBuilder(compiler, events, settings.errorLog(), settings.hostCacheSize());
        this.lastGood = settings.persistPath() == null ? null : new LastGoodDocument(settings.persistPath());
        this.streak = new FailureStreak(settings.errorLog());
    }

    /** Fetches once and installs what is new; true when a new snapshot was installed. */
    synchronized boolean poll() throws InterruptedException {
        fetches++;
        FetchOutcome outcome = fetcher.fetch(etag, lastModified);
        lastFetchAt = settings.clock().instant();
        switch (outcome) {
            case FetchOutcome.Failed f -> {
                lastOutcome = f.event().name();
                lastError = f.err();
                events.emit(f.event());
                streak.failed("[dynacode] it was not possible to request due to " + f.err());
                events.emit(new DynacodeEvent.DidntUpdatePlugins());
                // Down at start: serve the last good document rather than nothing.
                return registry.current() == null && !persistedTried && loadPersisted();
            }
            case FetchOutcome.NotModified n -> {
                notModified++;
                succeeded();
                return unchanged(receivedHash);
            }
            case FetchOutcome.Fetched f -> {
                succeeded();
                etag = f.etag();
                lastModified = f.lastModified();
                receivedHash = sha256(f.body());
                return accept(f.body(), receivedHash, fetcher.uri().toString(), true);
            }
        }
    }

    /** Installs the persisted document when there is one and it is sound; true when installed. */
    synchronized boolean loadPersisted() {
        persistedTried = true;
        if (lastGood == null) {
            return false;
        }
        try {
            Optional<byte[]> saved = lastGood.load();
            if (saved.isEmpty()) {
                return false;
            }
            byte[] body = saved.get();
            PluginDocument doc = DocumentParser.parse(body);
            install(doc, sha256(body), "persisted:" + lastGood.path(), body, false);
            return true;
        } catch (IOException | DocumentException e) {
            settings.errorLog().accept("[dynacode] ignoring the persisted plugin document " + lastGood.path()
                    + ": " + e.getMessage());
            return false;
        }
    }

    private void succeeded() {
        lastOutcome = "bg_fetch_api_success";
        lastError = null;
        events.emit(new DynacodeEvent.FetchSuccess());
        streak.succeeded("the plugin API " + fetcher.uri());
    }

    private boolean accept(byte[] body, String hash, String source, boolean persist) {
        PluginSnapshot current = registry.current();
        if ((current != null && current.hash().equals(hash)) || hash.equals(rejectedHash)) {
            return unchanged(hash);
        }
        events.emit(new DynacodeEvent.CacheMiss());
        decodes++;
        PluginDocument doc;
        try {
            doc = DocumentParser.parse(body);
        } catch (DocumentException e) {
            rejectedHash = hash;
            if (e.invalidJson()) {
                settings.errorLog().accept("[dynacode] the api response was invalid err=" + e.getMessage());
            } else {
                settings.errorLog().accept("[dynacode] the plugin document was rejected: " + e.getMessage());
                events.emit(new DynacodeEvent.OnError("poll", e.getMessage()));
            }
            events.emit(new DynacodeEvent.DidntUpdatePlugins());
            return false;
        }
        install(doc, hash, source, body, persist);
        return true;
    }

    /** The document we already decoded came again: no decode, no compile. */
    private boolean unchanged(String hash) {
        PluginSnapshot current = registry.current();
        if (current != null && current.hash().equals(hash)) {
            events.emit(new DynacodeEvent.CacheHit());
            String source = fetcher.uri().toString();
            if (!current.source().equals(source)) {
                // A persisted copy, now confirmed by the API: say so, keep the compiled plugins.
                registry.install(current.withOrigin(source, settings.clock().instant()));
                swaps++;
            }
            return false;
        }
        events.emit(new DynacodeEvent.DidntUpdatePlugins());
        return false;
    }

    private void install(PluginDocument doc, String hash, String source, byte[] body, boolean persist) {
        PluginSnapshot snapshot = builder.build(doc, hash, source, settings.clock().instant(), registry.current());
        registry.install(snapshot);
        swaps++;
        events.emit(new DynacodeEvent.UpdatedPlugins());
        if (persist && lastGood != null) {
            try {
                lastGood.save(body);
            } catch (IOException e) {
                settings.errorLog().accept("[dynacode] could not persist the plugin document to "
                        + lastGood.path() + ": " + e.getMessage());
            }
        }
    }

    DynacodeCounters counters() {
        return new DynacodeCounters(fetches, notModified, decodes, compiler.compiles(), compiler.reuses(), swaps,
                streak.length(), lastFetchAt, lastOutcome, lastError);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
