package io.jresty.core.dynacode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders the engine's state (document, fetches, per-plugin counters) as JSON for a status location. */
final class DynacodeStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DynacodeStatus() {}

    static String render(DynacodeSettings settings, PluginSnapshot snapshot, DynacodeCounters c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("plugin_api_uri", settings.pluginApiUri().toString());
        ObjectNode fetch = root.putObject("fetch");
        fetch.put("fetches", c.fetches());
        fetch.put("not_modified", c.notModified());
        fetch.put("decodes", c.decodes());
        fetch.put("compiles", c.compiles());
        fetch.put("compile_reuses", c.compileReuses());
        fetch.put("swaps", c.swaps());
        fetch.put("failure_streak", c.failureStreak());
        fetch.put("last_fetch_at", c.lastFetchAt() == null ? null : c.lastFetchAt().toString());
        fetch.put("last_outcome", c.lastOutcome());
        fetch.put("last_error", c.lastError());
        if (snapshot == null) {
            root.putNull("document");
            return root.toString();
        }
        ObjectNode doc = root.putObject("document");
        doc.put("hash", snapshot.hash());
        doc.put("source", snapshot.source());
        doc.put("loaded_at", snapshot.loadedAt().toString());
        doc.put("status", snapshot.status());
        doc.put("enabled", snapshot.enabled());
        ArrayNode domains = doc.putArray("domains");
        snapshot.domainNames().forEach(domains::add);
        ArrayNode plugins = root.putArray("plugins");
        for (Plugin p : snapshot.allPlugins()) {
            ObjectNode n = plugins.addObject();
            n.put("domain", p.domain());
            n.put("name", p.name());
            n.put("phase", p.phase());
            n.put("runs", p.stats().runs());
            n.put("errors", p.stats().errors());
            n.put("total_ms", p.stats().totalNanos() / 1_000_000.0);
        }
        ArrayNode failed = root.putArray("compile_errors");
        for (CompileFailure f : snapshot.compileFailures()) {
            ObjectNode n = failed.addObject();
            n.put("domain", f.domain());
            n.put("name", f.plugin().name());
            n.put("phase", f.plugin().phase());
            n.put("error", f.error());
        }
        return root.toString();
    }
}
