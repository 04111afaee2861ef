package io.jresty.core.dynacode;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.compile.ChunkCompiler.CompiledChunk;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.luaj.vm2.LuaError;

/**
 * Compiles plugin bodies the way dynacode does, {@code return function() <code> end}, so
 * {@code return ngx.exit(403)} works at top level and {@code ...} is a compile error. The
 * closing {@code end} goes on its own line: a trailing {@code -- comment} does not swallow
 * it (dynacode fails to compile such a plugin; we accept it).
 *
 * <p>Results of the previous document are kept, so a new document recompiles only the
 * plugins whose code or name changed. Confined to the polling thread (one update at a time).
 */
final class PluginCompiler {
    private final ChunkCompiler compiler;
    private Map<String, Outcome> previous = new HashMap<>();
    private Map<String, Outcome> current = new HashMap<>();
    private final AtomicLong compiles = new AtomicLong();
    private final AtomicLong reuses = new AtomicLong();

    PluginCompiler(ChunkCompiler compiler) {
        this.compiler = compiler;
    }

    /** A compile result: a chunk, or the error message of Lua's parser. */
    record Outcome(CompiledChunk chunk, String error) {}

    static String wrap(String code) {
        return "return function() " + code + "\nend";
    }

    /** The chunk name compile and run-time errors start with, lua-nginx-module style ("=" = verbatim). */
    static String chunkName(PluginSpec spec) {
        return "=" + spec.chunkName();
    }

    Outcome compile(PluginSpec spec) {
        String key = spec.chunkName() + '\u0000' + spec.code();
        Outcome done = current.get(key);
        if (done == null) {
            done = previous.get(key);
            if (done != null) {
                reuses.incrementAndGet();
            } else {
                done = fresh(spec);
            }
            current.put(key, done);
        }
        return done;
    }

    private Outcome fresh(PluginSpec spec) {
        compiles.incrementAndGet();
        try {
            return new Outcome(compiler.compile(wrap(spec.code()), chunkName(spec)), null);
        } catch (LuaError e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(null, String.valueOf(e.getMessage()));
        }
    }

    /** Ends one document: its results become the ones the next document may reuse. */
    void commit() {
        previous = current;
        current = new HashMap<>();
    }

    /** Forgets a document that was not installed: the next one reuses from the installed one. */
    void abandon() {
        current = new HashMap<>();
    }

    long compiles() {
        return compiles.get();
    }

    long reuses() {
        return reuses.get();
    }
}
