package io.jresty.core.dynacode;

/**
 * One plugin as the document states it, before compiling.
 *
 * @param id     the plugin's id in the roadmap format (top-level "plugins"), null in the classic one
 * @param name   the plugin's name as given; "nil" when absent, as dynacode's log lines print it
 * @param code   the Lua source, a function body
 * @param phase  the phase name as given; names that are not phases never run
 * @param skip   true when the document says {@code "skip": true} (dynacode honours it)
 * @param policy budget and fail policy
 */
public record PluginSpec(String id, String name, String code, String phase, boolean skip, PluginPolicy policy) {

    /** The chunk name compile and run-time errors carry: {@code plugin(<name>:<phase>)}. */
    public String chunkName() {
        return "plugin(" + name + ":" + phase + ")";
    }
}
