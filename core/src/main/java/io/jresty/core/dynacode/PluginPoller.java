package io.jresty.core.dynacode;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The one background poll of a server: a virtual thread that polls every interval (plus
 * random jitter), shared by all workers. dynacode has every worker poll and de-duplicates
 * through a shared dict; one JVM needs only one fetch.
 */
final class PluginPoller {
    private final PluginUpdater updater;
    private final DynacodeSettings settings;
    private final Consumer<String> errorLog;
    private Thread thread;

    PluginPoller(PluginUpdater updater, DynacodeSettings settings) {
        this.updater = updater;
        this.settings = settings;
        this.errorLog = settings.errorLog();
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Thread.ofVirtual().name("dynacode-poller").start(this::loop);
    }

    synchronized void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        thread.join();
        thread = null;
    }

    private void loop() {
        try {
            if (settings.pollAtInit()) {
                pollOnce();
            } else {
                // Serve the last good document until the first poll, instead of nothing.
                updater.loadPersisted();
            }
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(nextDelay());
                pollOnce();
            }
        } catch (InterruptedException e) {
            // stop(): end quietly
        }
    }

    private void pollOnce() throws InterruptedException {
        try {
            updater.poll();
        } catch (RuntimeException e) {
            errorLog.accept("[dynacode] the poll failed: " + e);
        }
    }

    private Duration nextDelay() {
        long jitter = settings.maxJitter().toMillis();
        long extra = jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0;
        // A zero interval would spin; settings from setup are checked, programmatic ones are clamped.
        return settings.pollingInterval().plusMillis(Math.max(extra, 1));
    }
}
