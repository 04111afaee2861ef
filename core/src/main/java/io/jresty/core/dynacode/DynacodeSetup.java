package io.jresty.core.dynacode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the options of {@code controller.setup{...}} (already converted from a Lua table to
 * Java strings, numbers, booleans and maps) into settings. dynacode's options keep their
 * names and defaults; an invalid one fails with dynacode's message
 * {@code the property <name> must be a <lua type>}. {@code shm} and {@code regex_options}
 * are accepted and unused: one JVM fetches once without a shared dict, and host regexes are
 * always compiled once.
 */
public final class DynacodeSetup {
    private DynacodeSetup() {}

    public static DynacodeSettings read(Map<String, ?> opts) {
        Object uriValue = opts.get("plugin_api_uri");
        if (!(uriValue instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException("the property plugin_api_uri must be a string");
        }
        DynacodeSettings s = DynacodeSettings.of(uri(text))
                .withPollingInterval(positive(opts, "plugin_api_polling_interval", 30))
                .withTimeout(positive(opts, "plugin_api_timeout", 5))
                .withMaxJitter(seconds(opts, "workers_max_jitter", 0))
                .withPollAtInit(flag(opts, "plugin_api_poll_at_init"));
        Object headers = opts.get("plugin_api_headers");
        if (headers != null) {
            if (!(headers instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("the property plugin_api_headers must be a table");
            }
            Map<String, String> h = new LinkedHashMap<>();
            map.forEach((k, v) -> h.put(String.valueOf(k), String.valueOf(v)));
            s = s.withRequestHeaders(h);
        }
        Object persist = opts.get("persist_path");
        if (persist != null) {
            if (!(persist instanceof String p)) {
                throw new IllegalArgumentException("the property persist_path must be a string");
            }
            s = s.withPersistPath(Path.of(p));
        }
        return s;
    }

    private static URI uri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below with the same words as a wrong scheme
        }
        throw new IllegalArgumentException("the property plugin_api_uri must be an http, https or file URI, got \""
                + text + "\"");
    }

    private static Duration positive(Map<String, ?> opts, String name, double fallback) {
        Duration d = seconds(opts, name, fallback);
        if (d.isZero()) {
            throw new IllegalArgumentException("the property " + name + " must be a positive number");
        }
        return d;
    }

    private static Duration seconds(Map<String, ?> opts, String name, double fallback) {
        Object v = opts.get(name);
        if (v == null) {
            return Duration.ofMillis((long) (fallback * 1000));
        }
        if (!(v instanceof Number n) || n.doubleValue() < 0) {
            throw new IllegalArgumentException("the property " + name + " must be a number");
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }

    private static boolean flag(Map<String, ?> opts, String name) {
        Object v = opts.get(name);
        // Lua truthiness, as dynacode's "if start_right_away then".
        return v != null && !Boolean.FALSE.equals(v);
    }
}
