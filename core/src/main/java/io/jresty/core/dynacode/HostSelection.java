package io.jresty.core.dynacode;

import java.util.List;
import java.util.Map;

/**
 * The plugins of one host in one snapshot, per phase (domain-major, document order).
 *
 * @param host      the lowercased host
 * @param skippedBy the skip_domains entry that matched the host, or null; a skipped host runs
 *                  nothing (dynacode logs {@code the domain=<re> was skipped to host=<host>})
 * @param byPhase   runnable plugins per phase name; phases without plugins are absent
 */
public record HostSelection(String host, String skippedBy, Map<String, List<Plugin>> byPhase) {

    public boolean skipped() {
        return skippedBy != null;
    }

    /** The plugins to run in this phase, in order; empty when none or the host is skipped. */
    public List<Plugin> plugins(String phase) {
        return byPhase.getOrDefault(phase, List.of());
    }
}
