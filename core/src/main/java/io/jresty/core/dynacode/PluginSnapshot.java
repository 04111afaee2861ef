package io.jresty.core.dynacode;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One installed plugin document, immutable: every request takes one snapshot at its first
 * phase and reads only it until its last, so a swap never mixes two documents in a request.
 * The host → plugins answers are cached per snapshot (bounded: hosts come from clients).
 */
public final class PluginSnapshot {
    private final String hash;
    private final String source;
    private final Instant loadedAt;
    private final String status;
    private final List<HostPattern> skipDomains;
    private final List<DomainRule> domains;
    private final List<CompileFailure> compileFailures;
    private final Cache<String, HostSelection> hosts;

    PluginSnapshot(String hash, String source, Instant loadedAt, String status, List<HostPattern> skipDomains,
            List<DomainRule> domains, List<CompileFailure> compileFailures, int hostCacheSize) {
        this(hash, source, loadedAt, status, skipDomains, domains, compileFailures,
                CacheBuilder.newBuilder().maximumSize(hostCacheSize).<String, HostSelection>build());
    }

    private PluginSnapshot(String hash, String source, Instant loadedAt, String status,
            List<HostPattern> skipDomains, List<DomainRule> domains, List<CompileFailure> compileFailures,
            Cache<String, HostSelection> hosts) {
        this.hash = hash;
        this.source = source;
        this.loadedAt = loadedAt;
        this.status = status;
        this.skipDomains = skipDomains;
        this.domains = domains;
        this.compileFailures = compileFailures;
        this.hosts = hosts;
    }

    /** The same document, now known to come from another source (a persisted copy confirmed by the API). */
    PluginSnapshot withOrigin(String newSource, Instant at) {
        return new PluginSnapshot(hash, newSource, at, status, skipDomains, domains, compileFailures, hosts);
    }

    /** SHA-256 of the document's bytes, hex. */
    public String hash() {
        return hash;
    }

    /** Where the document came from: the API URI, a file URI, or "persisted:<path>". */
    public String source() {
        return source;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** general.status as given (null when absent). */
    public String status() {
        return status;
    }

    /** Plugins run only when general.status is exactly "enabled", as in dynacode. */
    public boolean enabled() {
        return "enabled".equals(status);
    }

    public List<CompileFailure> compileFailures() {
        return compileFailures;
    }

    /** The domains' names in document order. */
    public List<String> domainNames() {
        return domains.stream().map(DomainRule::name).toList();
    }

    /** The plugins to run for this host in this phase; empty when disabled, skipped or none. */
    public List<Plugin> pluginsFor(String host, String phase) {
        if (!enabled()) {
            return List.of();
        }
        return select(host).plugins(phase);
    }

    /** Which plugins this host gets, per phase, and whether skip_domains excludes it. */
    public HostSelection select(String host) {
        String subject = host == null ? "" : host.toLowerCase(Locale.ROOT);
        HostSelection known = hosts.getIfPresent(subject);
        if (known == null) {
            known = compute(subject);
            hosts.put(subject, known);
        }
        return known;
    }

    /** Every runnable plugin, domain-major in document order (a plugin listed by two domains is there twice). */
    public List<Plugin> allPlugins() {
        List<Plugin> all = new ArrayList<>();
        for (DomainRule d : domains) {
            all.addAll(d.plugins());
        }
        return all;
    }

    private HostSelection compute(String host) {
        for (HostPattern skip : skipDomains) {
            if (skip.matches(host)) {
                return new HostSelection(host, skip.source(), Map.of());
            }
        }
        Map<String, List<Plugin>> byPhase = new LinkedHashMap<>();
        for (DomainRule d : domains) {
            if (!d.pattern().matches(host)) {
                continue;
            }
            d.byPhase().forEach((phase, list) -> byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).addAll(list));
        }
        byPhase.replaceAll((phase, list) -> List.copyOf(list));
        return new HostSelection(host, null, Map.copyOf(byPhase));
    }
}
