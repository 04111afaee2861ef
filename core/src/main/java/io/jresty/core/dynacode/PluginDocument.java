package io.jresty.core.dynacode;

import java.util.List;

/**
 * A decoded plugin document: the general section and the domains with their plugins in
 * document order. The roadmap format (plugins listed once, referenced by id) is resolved
 * by the parser, so both formats end up in this shape.
 */
record PluginDocument(String status, List<String> skipDomains, List<DomainSpec> domains) {

    /** dynacode runs plugins only when the status is exactly "enabled". */
    boolean enabled() {
        return "enabled".equals(status);
    }

    int pluginCount() {
        return domains.stream().mapToInt(d -> d.plugins().size()).sum();
    }

    /** A domain: a host regex (or "*") and its plugins in document order. */
    record DomainSpec(String name, List<PluginSpec> plugins) {}
}
