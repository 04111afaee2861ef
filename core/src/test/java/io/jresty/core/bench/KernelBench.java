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
    static final String FIB = """
            local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
            return fib(25)
            """;
    static final String STRINGS = """
            local parts = {}
            for i = 1, 2000 do
              local s = "key" .. i
              if s:find("9", 1, true) then parts[#parts + 1] = s:upper() end
            end
            return #table.concat(parts, ",")
            """;
    static final String LOOP = """
            local s = 0
            for i = 1, 300000 do s = s + i % 7 end
            return s
            """;

    @Param({"LUAJC", "LUAJC_NO_BUDGET", "INTERPRETER", "INTERPRETER_NO_BUDGET"})
    public BenchStates engine;

    private LuaFunction fib;
    private LuaFunction strings;
    private LuaFunction loop;

    @Setup
    public void compile() {
        ChunkCompiler compiler = new ChunkCompiler(engine.settings);
        Globals g = engine.globals(compiler);
        fib = compiler.compile(FIB, "=fib").bind(g);
        strings = compiler.compile(STRINGS, "=strings").bind(g);
        loop = compiler.compile(LOOP, "=loop").bind(g);
    }

    @Benchmark
    public LuaValue fib25() {
        return fib.call();
    }

    @Benchmark
    public LuaValue stringLoop() {
        return strings.call();
    }

    @Benchmark
    public LuaValue arithmeticLoop() {
        return loop.call();
    }
}
