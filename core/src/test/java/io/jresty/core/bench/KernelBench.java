package io.jresty.core.bench;

import io.jresty.core.compile.ChunkCompiler;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU kernels on each engine: what LuaJC buys over the interpreter, and what the budget
 * checks (a tick at every back-edge and function entry) cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xss4m"})
public class KernelBench {
    /** The kernels are Lua files (core/src/test/resources/kernels) so that scripts/kernels.sh can time them on luajit too. */
    static String kernel(String name) {
        try (var in = KernelBench.class.getResourceAsStream("/kernels/" + name + ".lua")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("kernel " + name + " missing", e);
        }
    }

    @Param({"LUAJC", "LUAJC_NO_BUDGET", "INTERPRETER", "INTERPRETER_NO_BUDGET", "INTERPRETER_BARE"})
    public BenchStates engine;

    private LuaFunction fib;
    private LuaFunction strings;
    private LuaFunction loop;
    private LuaFunction errors;

    @Setup
    public void compile() {
        ChunkCompiler compiler = new ChunkCompiler(engine.settings);
        Globals g = engine.globals(compiler);
        fib = compiler.compile(kernel("fib"), "@fib.lua").bind(g);
        strings = compiler.compile(kernel("strings"), "@strings.lua").bind(g);
        loop = compiler.compile(kernel("loop"), "@loop.lua").bind(g);
        errors = compiler.compile(kernel("errors"), "@errors.lua").bind(g);
    }

    @Benchmark
    public LuaValue fib25() {
        return fib.call();
    }

    @Benchmark
    public LuaValue stringLoop() {
        return strings.call();
    }

    /** Raising and catching errors: what giving them a position costs. */
    @Benchmark
    public LuaValue pcallErrorLoop() {
        return errors.call();
    }

    @Benchmark
    public LuaValue arithmeticLoop() {
        return loop.call();
    }
}
