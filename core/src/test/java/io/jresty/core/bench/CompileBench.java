package io.jresty.core.bench;

import io.jresty.core.compile.ChunkCompiler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compiling a document of 1000 small plugins, each a distinct source (no cache hit): LuaC
 * only (interpreter chunks) against the whole LuaJC pipeline (classes, instrumentation, load,
 * verify). One operation is the whole document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBench {
    private static final int PLUGINS = 1000;

    @Param({"LUAJC", "INTERPRETER"})
    public BenchStates engine;

    private long round;

    @Benchmark
    public void compile1000Plugins(Blackhole sink) {
        ChunkCompiler compiler = new ChunkCompiler(engine.settings);
        long r = round++;
        for (int i = 0; i < PLUGINS; i++) {
            String source = "local token = ngx.var.arg_token or ngx.var.cookie_x\n"
                    + "if token ~= 'token" + r + "_" + i + "' then return ngx.exit(403) end\n"
                    + "return 'ok'";
            sink.consume(compiler.compile(source, "=plugin" + i));
        }
    }
}
