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
        // 100k gives 24 pages; entries of 128 bytes (68 bytes of header plus key and value) fill
        // 22 pages of 32 and 31 more in the page the dict's own 80-byte header lives in: 735, as nginx
        assertThat(out).isEqualTo("736 0\nnil v\nv nil\nfalseno memoryfalse\nfalseno memoryfalse\n");
    }

    @Test
    void safeSetMayStillReuseExpiredEntries() {
        NgxLua lua = lua();
        lua.run("local d = ngx.shared.m for i = 1, 735 do d:set('k' .. i, 'v', 1) end");
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

    @Test
    void mixedConcurrentWritesKeepTheZonesAccountingExact() throws Exception {
        TestClock clock = TestClock.fixed();
        SharedDicts dicts = dicts(clock);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                NgxLua worker = NgxLua.withDicts(dicts, clock);
                int seed = t;
                results.add(pool.submit(() -> worker.run("""
                        local d = ngx.shared.m
                        math.randomseed(%d)
                        for i = 1, 3000 do
                          local k = "k" .. math.random(1, 300)
                          local op = math.random(1, 9)
                          if op == 1 then d:set(k, string.rep("v", math.random(0, 3000)), math.random(0, 2))
                          elseif op == 2 then d:safe_add(k, math.random())
                          elseif op == 3 then d:incr(k, 1, 0, 1)
                          elseif op == 4 then d:lpush(k, string.rep("x", math.random(0, 200)))
                          elseif op == 5 then d:rpop(k)
                          elseif op == 6 then d:delete(k)
                          elseif op == 7 then d:flush_expired(5)
                          elseif op == 8 then d:replace(k, true, 0, 3)
                          else d:get(k) end
                        end
                        """.formatted(seed))));
            }
            for (int step = 0; step < 20; step++) {
                clock.advanceSeconds(0.25);
                Thread.sleep(1);
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEmpty();
            }
        }
        SharedDictZone zone = dicts.zone("m");
        assertThat(zone.accountingConsistent()).isTrue();
        assertThat(zone.freeSpace()).isBetween(0L, 90112L);
    }
}
