package io.jresty.core.dynacode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * How the engine fetches and keeps plugin documents; dynacode's setup options plus ours.
 *
 * @param pluginApiUri     http, https or file URI of the document (plugin_api_uri)
 * @param pollingInterval  time between polls (plugin_api_polling_interval, 30 s by default)
 * @param timeout          connect and read timeout of one fetch (plugin_api_timeout, 5 s)
 * @param pollAtInit       poll once right at start (plugin_api_poll_at_init)
 * @param maxJitter        up to this much random time added to each interval (workers_max_jitter)
 * @param requestHeaders   extra request headers (authentication, ...), which dynacode cannot send
 * @param persistPath      where the last good document is kept, or null for nowhere
 * @param sslContext       TLS trust for an https API (a private CA), or null for the JVM's default
 * @param hostCacheSize    hosts remembered per snapshot with their plugins
 * @param errorLog         receives the engine's error-log lines
 * @param clock            time source for fetch and load times
 */
public record DynacodeSettings(URI pluginApiUri, Duration pollingInterval, Duration timeout, boolean pollAtInit,
        Duration maxJitter, Map<String, String> requestHeaders, Path persistPath,
        SSLContext sslContext, int hostCacheSize, Consumer<String> errorLog, InstantSource clock) {

    private static final System.Logger LOG = System.getLogger("jresty.dynacode");

    public DynacodeSettings {
        requestHeaders = Map.copyOf(requestHeaders);
    }

    /** dynacode's defaults for the given document URI. */
    public static DynacodeSettings of(URI pluginApiUri) {
        return new DynacodeSettings(pluginApiUri, Duration.ofSeconds(30), Duration.ofSeconds(5), false,
                Duration.ZERO, Map.of(), null, null, 1024, line -> LOG.log(System.Logger.Level.ERROR, line),
                InstantSource.system());
    }

    public DynacodeSettings withPollingInterval(Duration d) {
        return new DynacodeSettings(pluginApiUri, d, timeout, pollAtInit, maxJitter, requestHeaders,
                persistPath, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withTimeout(Duration d) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, d, pollAtInit, maxJitter, requestHeaders,
                persistPath, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withPollAtInit(boolean b) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, b, maxJitter, requestHeaders,
                persistPath, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withMaxJitter(Duration d) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, d, requestHeaders,
                persistPath, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withRequestHeaders(Map<String, String> h) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, h,
                persistPath, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withPersistPath(Path p) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, requestHeaders,
                p, sslContext, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withSslContext(SSLContext c) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, requestHeaders,
                persistPath, c, hostCacheSize, errorLog, clock);
    }

    public DynacodeSettings withHostCacheSize(int n) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, requestHeaders,
                persistPath, sslContext, n, errorLog, clock);
    }

    public DynacodeSettings withErrorLog(Consumer<String> log) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, requestHeaders,
                persistPath, sslContext, hostCacheSize, log, clock);
    }

    public DynacodeSettings withClock(InstantSource c) {
        return new DynacodeSettings(pluginApiUri, pollingInterval, timeout, pollAtInit, maxJitter, requestHeaders,
                persistPath, sslContext, hostCacheSize, errorLog, c);
    }
}
