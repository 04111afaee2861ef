package io.jresty.core.bench;

import io.jresty.core.budget.Budget;
import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.sandbox.PluginLimits;
import java.time.Duration;
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
 * What the allocation meter costs: the same kernels run unbudgeted, under a time budget only, and
 * under a time budget with an allocation limit. Run once more with
 * {@code -jvmArgsAppend -Djresty.alloc_meter=off} for the hooks themselves switched off.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgs = {"-Xss4m"})
public class AllocationBench {
    /** CPU only: no table or string is made. */
    static final String LOOP = """
            local s = 0
            for i = 1, 300000 do s = s + i % 7 end
            return s
            """;
    /** Allocation only: small tables and strings, the meter's worst case. */
    static final String TABLES = """
            local t = {}
            for i = 1, 20000 do t[i] = {id = i, name = "n" .. i} end
            return #t
            """;
    /** What a plugin does: decode a JSON body, look at it, answer JSON. */
    static final String PLUGIN = """
            local body = cjson.decode(doc)
            local out = {}
            for i, item in ipairs(body.items) do
              if item.price > 10 then out[#out + 1] = {id = item.id, label = item.name:upper()} end
            end
            return #cjson.encode({count = #out, items = out})
            """;

    public enum Limits { UNBUDGETED, TIME_ONLY, TIME_AND_ALLOC }

    @Param({"UNBUDGETED", "TIME_ONLY", "TIME_AND_ALLOC"})
    public Limits limits;

    private LuaFunction loop;
    private LuaFunction tables;
    private LuaFunction plugin;

    @Setup
    public void compile() {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        ChunkCompiler c = ChunkCompiler.shared();
        c.compile("""
                cjson = require 'cjson'
                local items = {}
                for i = 1, 200 do items[i] = {id = i, name = 'item' .. i, price = i % 20} end
                doc = cjson.encode({items = items})
                """, "=setup").bind(g).call();
        loop = c.compile(LOOP, "=loop").bind(g);
        tables = c.compile(TABLES, "=tables").bind(g);
        plugin = c.compile(PLUGIN, "=plugin").bind(g);
    }

    private LuaValue run(LuaFunction f) throws Exception {
        return switch (limits) {
            case UNBUDGETED -> f.call();
            case TIME_ONLY -> Budget.run(Duration.ofSeconds(1), 0, "bench", () -> PluginLimits.run(f::call));
            case TIME_AND_ALLOC -> Budget.run(Duration.ofSeconds(1), 1L << 30, "bench", () -> PluginLimits.run(f::call));
        };
    }

    @Benchmark
    public LuaValue cpuLoop() throws Exception {
        return run(loop);
    }

    @Benchmark
    public LuaValue smallTables() throws Exception {
        return run(tables);
    }

    @Benchmark
    public LuaValue pluginJson() throws Exception {
        return run(plugin);
    }
}
