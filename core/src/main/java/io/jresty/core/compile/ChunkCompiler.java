package io.jresty.core.compile;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * Turns Lua source into functions. One instance serves every worker: compiled code is
 * immutable and shared, each worker binds it to its own environment.
 *
 * <p>Source goes through LuaC (syntax errors come from there, in Lua's words), then LuaJC
 * to JVM classes in a class loader of their own, with budget checks and error positions
 * woven in; a chunk LuaJC cannot translate runs on LuaJ's interpreter instead. Results are
 * cached by a SHA-256 of chunk name and source, so unchanged code is not compiled again.
 */
public final class ChunkCompiler {
    private static final System.Logger LOG = System.getLogger(ChunkCompiler.class.getName());
    private static final ChunkCompiler SHARED = new ChunkCompiler(Settings.DEFAULT);

    static {
        // ngx.log's "[lua] chunk:line:" prefix reads compiled frames, which this compiler makes
        CallerPosition.install();
    }

    private final Settings settings;
    private final JvmTranslator translator;
    private final Cache<HashCode, CompiledChunk> cache;
    private final LongAdder compiles = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();

    public ChunkCompiler(Settings settings) {
        this.settings = settings;
        this.translator = new JvmTranslator(settings.budgetChecks());
        this.cache = CacheBuilder.newBuilder().maximumSize(settings.cacheSize()).build();
    }

    public static ChunkCompiler shared() {
        return SHARED;
    }

    /**
     * Makes load/loadstring/require of this state go through this compiler, and gives its
     * interpreter (for the chunks LuaJC cannot compile) the budget checks, depth guard and
     * error positions compiled code has, and an {@code xpcall} whose handler also sees errors
     * of compiled code. Replaces the state's debug library hooks: a stock {@code DebugLib}
     * loaded after this would take them back.
     */
    public void install(Globals g) {
        CompilerHooks hooks = new CompilerHooks(this, g);
        g.compiler = hooks;
        g.loader = hooks;
        InterpreterHooks.install(g, settings.budgetChecks());
        Xpcall.install(g);
    }

    /** Compiles source; a syntax error raises a LuaError with Lua's message. */
    public CompiledChunk compile(String source, String chunkName) {
        return compile(source.getBytes(StandardCharsets.UTF_8), chunkName);
    }

    /** Compiles source given as bytes, as LuaJ's loaders read it. */
    public CompiledChunk compile(byte[] source, String chunkName) {
        Hasher hasher = Hashing.sha256().newHasher();
        hasher.putString(chunkName, StandardCharsets.UTF_8).putByte((byte) 0).putBytes(source);
        boolean[] built = {false};
        try {
            CompiledChunk chunk = cache.get(hasher.hash(), () -> {
                built[0] = true;
                return build(source, chunkName);
            });
            if (!built[0]) {
                cacheHits.increment();
            }
            return chunk;
        } catch (ExecutionException | UncheckedExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Translates a prototype that did not come from source (a binary chunk); not cached. */
    CompiledChunk translate(Prototype prototype, String chunkName) {
        return settings.luajc() ? translateOrInterpret(prototype, chunkName) : new InterpretedChunk(chunkName, prototype);
    }

    /** True for a Lua function compiled to a JVM class (its upvalues are the class's fields). */
    public static boolean isCompiledFunction(LuaValue f) {
        return f.getClass().getClassLoader() instanceof LuaClassLoader;
    }

    public CompileStats stats() {
        return new CompileStats(compiles.sum(), cacheHits.sum(), fallbacks.sum());
    }

    private CompiledChunk build(byte[] source, String chunkName) {
        Prototype prototype;
        try {
            prototype = LuaC.instance.compile(new ByteArrayInputStream(source), chunkName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LuaError e) {
            throw SyntaxErrors.reworded(e);
        }
        compiles.increment();
        return translate(prototype, chunkName);
    }

    private CompiledChunk translateOrInterpret(Prototype prototype, String chunkName) {
        try {
            Class<?> main = translator.translate(prototype, ChunkId.of(chunkName));
            return JvmChunk.of(chunkName, prototype, main);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            // a cached chunk is built once, so this logs once per chunk
            fallbacks.increment();
            LOG.log(System.Logger.Level.WARNING, "lua chunk " + ChunkId.of(chunkName)
                    + " runs on the interpreter: LuaJC cannot compile it: " + e);
            return new InterpretedChunk(chunkName, prototype);
        }
    }

    /**
     * How a compiler works: cache size (chunks), whether to translate to JVM classes at all,
     * and whether compiled code and the interpreter check the budget.
     */
    public record Settings(long cacheSize, boolean luajc, boolean budgetChecks) {
        public static final Settings DEFAULT = new Settings(4096, true, true);
    }

    /** A compiled chunk, ready to be bound to any worker's environment. */
    public sealed interface CompiledChunk permits JvmChunk, InterpretedChunk {
        /** The chunk name it was compiled under, e.g. {@code =content_by_lua(nginx.conf:12)}. */
        String name();

        Prototype prototype();

        /** A new function for the main chunk whose globals ({@code _ENV}) are env, itself a Lua state. */
        default LuaFunction bind(LuaValue env) {
            return bind(env, env instanceof Globals state ? state : null);
        }

        /**
         * A new function for the main chunk whose globals ({@code _ENV}) are env (a sandbox
         * table, say) running in the given Lua state; the state gives interpreted chunks their
         * budget checks, depth guard and error positions (compiled chunks need no state).
         */
        LuaFunction bind(LuaValue env, Globals state);

        /** True when it runs as JVM bytecode, false when on the interpreter. */
        boolean compiled();
    }
}
