package io.jresty.core.dynacode;

import io.jresty.core.compile.ChunkCompiler.CompiledChunk;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * A compiled plugin of one domain, shared by every worker. Each worker turns it into a Lua
 * function of its own environment with {@link #bind}; the result is cached per environment
 * so a request pays for binding once per worker, not once per call. A class rather than a
 * record because of that cache.
 */
public final class Plugin {
    private final String domain;
    private final PluginSpec spec;
    private final CompiledChunk chunk;
    private final PluginStats stats = new PluginStats();
    // Copy-on-write under "this": a handful of workers bind once each, every request reads.
    private volatile Binding[] bindings = new Binding[0];

    Plugin(String domain, PluginSpec spec, CompiledChunk chunk) {
        this.domain = domain;
        this.spec = spec;
        this.chunk = chunk;
    }

    /** The name of the domain (regex or "*") this plugin was listed under. */
    public String domain() {
        return domain;
    }

    /**
     * A name that survives recompiles, {@code <domain>|<name>|<phase>}: what a sandbox keys a
     * plugin's own globals by, so they persist when its code changes (as dynacode's do).
     */
    public String key() {
        return domain + "|" + spec.name() + "|" + spec.phase();
    }

    public PluginSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String phase() {
        return spec.phase();
    }

    public PluginPolicy policy() {
        return spec.policy();
    }

    public CompiledChunk chunk() {
        return chunk;
    }

    public PluginStats stats() {
        return stats;
    }

    /**
     * The plugin's function in the given environment (a worker's globals, or a sandbox table):
     * calling it runs the plugin body once, with no arguments, as dynacode's {@code pcall(fn)}.
     */
    public LuaFunction bind(LuaValue env) {
        for (Binding b : bindings) {
            if (b.env == env) {
                return b.function;
            }
        }
        synchronized (this) {
            for (Binding b : bindings) {
                if (b.env == env) {
                    return b.function;
                }
            }
            // The chunk is "return function() <code> end": running it once yields the body.
            LuaFunction body = chunk.bind(env).call().checkfunction();
            Binding[] grown = java.util.Arrays.copyOf(bindings, bindings.length + 1);
            grown[bindings.length] = new Binding(env, body);
            bindings = grown;
            return body;
        }
    }

    @Override
    public String toString() {
        return "plugin " + spec.name() + " (" + spec.phase() + ") of domain " + domain;
    }

    private record Binding(LuaValue env, LuaFunction function) {}
}
