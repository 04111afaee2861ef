package io.jresty.server.bench;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxApi;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.shdict.SharedDictZone;
import io.jresty.ngx.shdict.SharedDicts;
import io.jresty.server.worker.ServerEnvironment;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot ngx calls of a request handler, each in a loop of 100 inside one Lua chunk (so the
 * cost of entering Lua is spread out): reading ngx.var.x, writing ngx.header.x, ngx.say,
 * ngx.shared.DICT:incr, and an empty loop to subtract. Compiled as the server compiles (LuaJC), run in the content phase
 * against a {@link BenchRequest}. Scores are per chunk call, i.e. per 100 calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NgxCallBench {
    private BenchRequest request;
    private NgxContext context;
    private LuaFunction emptyLoop;
    private LuaFunction varRead;
    private LuaFunction headerWrite;
    private LuaFunction say;
    private LuaFunction sharedIncr;

    @Setup
    public void setup() {
        ErrorLog quiet = new ErrorLog(new PrintStream(OutputStream.nullOutputStream()), LogLevel.ERR,
                Clock.systemUTC(), 1);
        SharedDicts dicts = new SharedDicts(Map.of("bench", new SharedDictZone("bench", 1 << 20, Clock.systemUTC())));
        ServerEnvironment env = new ServerEnvironment(Path.of("."), Path.of("conf/nginx.conf"), Clock.systemUTC(),
                quiet, dicts, 1);
        Globals globals = LuaGlobals.create(LuaOptions.defaults());
        NgxApi.install(globals, env);
        request = new BenchRequest();
        context = new NgxContext(new LuaWorker(0, globals), request, Phase.CONTENT);
        emptyLoop = chunk(globals, "local x for i = 1, 100 do x = i end return x");
        varRead = chunk(globals, "local var, x = ngx.var for i = 1, 100 do x = var.arg_token end return x");
        headerWrite = chunk(globals,
                "local h = ngx.header for i = 1, 100 do h.access_control_allow_origin = '*' end");
        say = chunk(globals, "local say = ngx.say for i = 1, 100 do say('hello, world') end");
        sharedIncr = chunk(globals, "local d = ngx.shared.bench for i = 1, 100 do d:incr('hits', 1, 0) end");
    }

    private static LuaFunction chunk(Globals globals, String source) {
        return ChunkCompiler.shared().compile(source, "=bench").bind(globals);
    }

    private Object run(LuaFunction f) {
        request.reset();
        try (NgxContext.Scope s = NgxContext.enter(context)) {
            return f.call();
        }
    }

    @Benchmark
    public Object emptyLoop() {
        return run(emptyLoop);
    }

    @Benchmark
    public Object varRead() {
        return run(varRead);
    }

    @Benchmark
    public Object headerWrite() {
        return run(headerWrite);
    }

    @Benchmark
    public Object say() {
        return run(say);
    }

    @Benchmark
    public Object sharedIncr() {
        return run(sharedIncr);
    }
}
