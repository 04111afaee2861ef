package io.jresty.core.dynacode;

import java.util.Set;

/** The phase names a plugin may name; any other name is kept but never runs, as in dynacode. */
final class PluginPhases {
    static final Set<String> KNOWN =
            Set.of("init_worker", "rewrite", "access", "content", "header_filter", "body_filter", "log");

    private PluginPhases() {}

    static boolean known(String phase) {
        return KNOWN.contains(phase);
    }
}
