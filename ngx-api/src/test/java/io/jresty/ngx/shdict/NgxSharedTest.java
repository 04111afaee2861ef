package io.jresty.ngx.shdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.testing.LuaCases;
import io.jresty.ngx.testing.NgxLua;
import io.jresty.ngx.testing.TestClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NgxSharedTest {
    /** The zones of the nginx conf the cases were recorded with. */
    static SharedDicts dicts(TestClock clock) {
        Map<String, SharedDictZone> zones = new LinkedHashMap<>();
        zones.put("d", new SharedDictZone("d", 1024 * 1024, clock));
        zones.put("small", new SharedDictZone("small", 12 * 1024, clock));
        zones.put("m", new SharedDictZone("m", 100 * 1024, clock));
        zones.put("m2", new SharedDictZone("m2", 64 * 1024, clock));
        return new SharedDicts(zones);
    }

    static NgxLua lua() {
        TestClock clock = TestClock.fixed();
        return NgxLua.withDicts(dicts(clock), clock);
    }

    @TestFactory
    Stream<DynamicTest> sharedDictCasesPrintWhatNginxPrinted() {
        return LuaCases.tests(getClass(), "shdict.cases", NgxSharedTest::lua);
    }

    @Test
    void entriesExpireWhenTheClockPassesTheirExptime() {
        NgxLua lua = lua();
        lua.run("ngx.shared.d:set('k', 'v', 1.5, 3)");
        lua.clock().advanceSeconds(1.499);
        assertThat(lua.run("show(ngx.shared.d:get('k')) show(ngx.shared.d:ttl('k') * 1000)")).isEqualTo("\"v\" , 3\n1\n");
        lua.clock().advanceSeconds(0.001);
        assertThat(lua.run("show(ngx.shared.d:get_stale('k')) show(ngx.shared.d:get('k'))"))
                .isEqualTo("\"v\" , 3 , true\nnil\n");
        // get also swept the expired entry off the cold end, as nginx does
        assertThat(lua.run("show(ngx.shared.d:get_stale('k'))")).isEqualTo("nil\n");
        assertThat(lua.run("show(ngx.shared.d:add('k', 'w'))")).isEqualTo("true , nil , false\n");
    }

    @Test
    void initTtlAppliesOnlyWhenIncrCreatesTheEntry() {
        NgxLua lua = lua();
        assertThat(lua.run("local d = ngx.shared.d show(d:incr('c', 1, 0, 2)) show(d:incr('c', 1, 0, 100), d:ttl('c'))"))
                .isEqualTo("1 , nil , false\n2 , 2\n");
        lua.clock().advanceSeconds(2);
        assertThat(lua.run("local d = ngx.shared.d show(d:incr('c', 1)) show(d:incr('c', 1, 10))"))
                .isEqualTo("nil , \"not found\"\n11 , nil , false\n");
    }

    @Test
    void aFullZoneEvictsTheLeastRecentlyUsedAndSaysSo() {
        NgxLua lua = lua();
        String out = lua.run("""
                local d = ngx.shared.m
                local n = 0
                repeat
                  n = n + 1
                  local ok, err, forcible = d:set("k" .. n, "v")
                until forcible or n > 5000
                say(n, " ", d:free_space())
                say(d:get("k1"), " ", d:get("k2"))
                d:get("k2")
                d:set("x" .. n, "v")
                say(d:get("k2"), " ", d:get("k3"))
                say(d:safe_set("y", "v"))
                say(d:safe_add("y", "v"))
                """);
        // 100k gives 22 pages of 32 entries of 128 bytes (68 bytes of header plus key and value)
        assertThat(out).isEqualTo("705 0\nnil v\nv nil\nfalseno memoryfalse\nfalseno memoryfalse\n");
    }

    @Test
    void safeSetMayStillReuseExpiredEntries() {
        NgxLua lua = lua();
        lua.run("local d = ngx.shared.m for i = 1, 704 do d:set('k' .. i, 'v', 1) end");
        assertThat(lua.run("say(ngx.shared.m:safe_set('late', 'v'))")).isEqualTo("falseno memoryfalse\n");
        lua.clock().advanceSeconds(1);
        assertThat(lua.run("say(ngx.shared.m:safe_set('late', 'v')) say(#ngx.shared.m:get_keys(0))"))
                .isEqualTo("truenilfalse\n1\n");
    }

    @Test
    void dotCallSyntaxWorksAndTheZoneIsSharedBetweenWorkers() {
        TestClock clock = TestClock.fixed();
        SharedDicts dicts = dicts(clock);
        NgxLua one = NgxLua.withDicts(dicts, clock);
        NgxLua two = NgxLua.withDicts(dicts, clock);
        one.run("local d = ngx.shared.d d.set(d, 'k', 'from one')");
        assertThat(two.run("say(ngx.shared.d.get(ngx.shared.d, 'k'))")).isEqualTo("from one\n");
    }

    @Test
    void methodsWorkInInitTimerAndLogPhases() {
        NgxLua lua = lua();
        for (Phase phase : List.of(Phase.INIT, Phase.INIT_WORKER, Phase.TIMER, Phase.LOG, Phase.HEADER_FILTER)) {
            try (NgxContext.Scope s = NgxContext.enter(new NgxContext(null, null, phase))) {
                assertThat(lua.run("say(ngx.shared.d:incr('n', 1, 0))")).as(phase.luaName()).endsWith("false\n");
            }
        }
        assertThat(lua.run("say(ngx.shared.d:get('n'))")).isEqualTo("5\n");
    }

    @Test
    void concurrentIncrementsFromManyWorkersAreNotLost() throws Exception {
        TestClock clock = TestClock.fixed();
        SharedDicts dicts = dicts(clock);
        int threads = 8;
        int perThread = 2000;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                NgxLua worker = NgxLua.withDicts(dicts, clock);
                results.add(pool.submit(() -> {
                    start.await();
                    return worker.run("local d = ngx.shared.d for i = 1, " + perThread
                            + " do local v, err = d:incr('hits', 1, 0) if not v then error(err) end end");
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertThat(f.get()).isEmpty();
            }
        }
        assertThat(NgxLua.withDicts(dicts, clock).run("say(ngx.shared.d:get('hits'))"))
                .isEqualTo(threads * perThread + "\n");
    }
}
