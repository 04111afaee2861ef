package io.jresty.core.bench;

import io.jresty.core.fork.StateFork;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.Globals;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What nginx's fork costs jresty per worker: pairing two fresh states (before init_by_lua)
 * and copying what a typical init_by_lua left (resty.core, cjson, an lrucache with 100 items,
 * a decoded config, 200 routes with a closure each, a module with local state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForkBench {
    static final String INIT = """
            require "resty.core"
            local cjson = require "cjson"
            cjson.encode_empty_table_as_object(false)
            local lrucache = require "resty.lrucache"
            cache = lrucache.new(1000)
            for i = 1, 100 do cache:set("k" .. i, { id = i, name = "item" .. i }) end
            config = cjson.decode('{"upstreams":[{"host":"a","port":80},{"host":"b","port":81}],'
                .. '"limits":{"rate":100,"burst":20},"features":["x","y","z"],"name":"api"}')
            routes = {}
            for i = 1, 200 do
                routes["/api/v" .. i] = { method = "GET", handler = function(x) return i + x end }
            end
            local stats = { hits = 0 }
            metrics = { bump = function() stats.hits = stats.hits + 1 end, stats = stats }
            """;

    private Globals master;
    private Globals worker;
    private StateFork fork;

    @Setup(Level.Invocation)
    public void states() {
        master = LuaGlobals.create(LuaOptions.defaults());
        worker = LuaGlobals.create(LuaOptions.defaults());
        fork = StateFork.prepare(master, worker);
        master.load(INIT, "=init_by_lua").call();
    }

    @Benchmark
    public Object pair() {
        return StateFork.prepare(LuaGlobals.create(LuaOptions.defaults()), worker);
    }

    @Benchmark
    public Object copy() {
        return fork.copy();
    }

    /** What each worker paid before: its own state running init_by_lua again. */
    @Benchmark
    public Object freshStateRunningInit() {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        g.load(INIT, "=init_by_lua").call();
        return g;
    }

    @Benchmark
    public Object freshState() {
        return LuaGlobals.create(LuaOptions.defaults());
    }
}
