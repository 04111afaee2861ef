package io.jresty.core.dynacode;

import java.util.List;
import java.util.Map;

/**
 * One domain of a snapshot: its host pattern, its runnable plugins in document order, and
 * the same plugins grouped per known phase.
 */
record DomainRule(HostPattern pattern, List<Plugin> plugins, Map<String, List<Plugin>> byPhase) {

    String name() {
        return pattern.source();
    }
}
