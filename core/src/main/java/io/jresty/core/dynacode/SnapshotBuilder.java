package io.jresty.core.dynacode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a decoded document into a snapshot: compiles each plugin (reporting each outcome as
 * dynacode's compile events), compiles each host regex once, and indexes plugins per phase.
 * A plugin unchanged since the previous snapshot keeps its {@link Plugin} object, hence its
 * per-worker bindings and its counters.
 */
final class SnapshotBuilder {
    private final PluginCompiler compiler;
    private final DynacodeEvents events;
    private final Consumer<String> errorLog;
    private final int hostCacheSize;

    SnapshotBuilder(PluginCompiler compiler, DynacodeEvents events, Consumer<String> errorLog, int hostCacheSize) {
        this.compiler = compiler;
        this.events = events;
        this.errorLog = errorLog;
        this.hostCacheSize = hostCacheSize;
    }

    /** Key of a plugin occurrence, for reuse across snapshots. */
    private record Occurrence(String domain, PluginSpec spec) {}

    PluginSnapshot build(PluginDocument doc, String hash, String source, Instant at, PluginSnapshot previous) {
        Map<Occurrence, Plugin> reusable = reusable(previous);
        Map<PluginSpec, PluginCompiler.Outcome> outcomes = new IdentityHashMap<>();
        List<CompileFailure> failures = new ArrayList<>();
        List<DomainRule> rules = new ArrayList<>(doc.domains().size());
        for (PluginDocument.DomainSpec domain : doc.domains()) {
            List<Plugin> plugins = new ArrayList<>();
            for (PluginSpec spec : domain.plugins()) {
                PluginCompiler.Outcome outcome = outcomes.get(spec);
                if (outcome == null) {
                    outcome = compiler.compile(spec);
                    outcomes.put(spec, outcome);
                    report(domain.name(), spec, outcome, failures);
                }
                if (outcome.chunk() == null || spec.skip()) {
                    continue;
                }
                Occurrence key = new Occurrence(domain.name(), spec);
                Plugin kept = reusable.get(key);
                plugins.add(kept != null && kept.chunk() == outcome.chunk()
                        ? kept : new Plugin(domain.name(), spec, outcome.chunk()));
            }
            rules.add(new DomainRule(pattern(domain.name(), "domain"), List.copyOf(plugins), byPhase(plugins)));
        }
        List<HostPattern> skip = new ArrayList<>();
        for (String s : doc.skipDomains()) {
            skip.add(pattern(s, "skip_domains entry"));
        }
        compiler.commit();
        return new PluginSnapshot(hash, source, at, doc.status(), List.copyOf(skip), List.copyOf(rules),
                List.copyOf(failures), hostCacheSize);
    }

    private void report(String domain, PluginSpec spec, PluginCompiler.Outcome outcome, List<CompileFailure> failures) {
        if (outcome.chunk() != null) {
            events.emit(new DynacodeEvent.CompileSuccess(spec));
            return;
        }
        failures.add(new CompileFailure(domain, spec, outcome.error()));
        // dynacode's wording, so existing log scrapers keep matching.
        String err = "the plugin " + spec.name() + " raised an error " + outcome.error() + " during compilation";
        errorLog.accept("[dynacode] [warn] " + err);
        events.emit(new DynacodeEvent.CompileError(spec, err));
    }

    private HostPattern pattern(String source, String what) {
        HostPattern p = HostPattern.of(source, errorLog);
        if (p.error() != null) {
            errorLog.accept("[dynacode] the " + what + " \"" + source + "\" is not a valid regex ("
                    + p.error() + "); it never matches");
        }
        return p;
    }

    private static Map<String, List<Plugin>> byPhase(List<Plugin> plugins) {
        Map<String, List<Plugin>> grouped = new LinkedHashMap<>();
        for (Plugin p : plugins) {
            if (PluginPhases.known(p.phase())) {
                grouped.computeIfAbsent(p.phase(), k -> new ArrayList<>()).add(p);
            }
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(grouped);
    }

    private static Map<Occurrence, Plugin> reusable(PluginSnapshot previous) {
        Map<Occurrence, Plugin> map = new HashMap<>();
        if (previous != null) {
            for (Plugin p : previous.allPlugins()) {
                map.putIfAbsent(new Occurrence(p.domain(), p.spec()), p);
            }
        }
        return map;
    }
}
