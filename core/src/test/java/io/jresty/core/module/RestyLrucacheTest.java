package io.jresty.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

class RestyLrucacheTest {
    private final MutableClock clock = new MutableClock();
    private Globals g;

    @BeforeEach
    void worker() {
        g = LuaGlobals.create(LuaOptions.defaults());
        // a path without lua-resty-lrucache's files, so the built-in stand-in answers
        LuaModules.install(g, "./no-such-dir/?.lua", null, clock);
        run("lrucache = require 'resty.lrucache'");
    }

    private String run(String lua) {
        return g.load(lua, "=test").call().tojstring();
    }

    @Test
    void newRefusesASizeBelowOne() {
        assertThat(run("local c, err = lrucache.new(0) return tostring(c) .. ' ' .. err")).isEqualTo("nil size too small");
        assertThat(run("return lrucache.new(3):capacity() .. ' ' .. lrucache.new(3):count()")).isEqualTo("3 0");
    }

    @Test
    void setAndGetWithFlags() {
        assertThat(run("c = lrucache.new(4) c:set('a', 'A') c:set('b', 'B', nil, 7) "
                + "local v, stale, flags = c:get('b') "
                + "return v .. ' ' .. tostring(stale) .. ' ' .. flags .. ' ' .. select(3, c:get('a')) .. ' ' .. c:count()"))
                .isEqualTo("B nil 7 0 2");
        assertThat(run("return select('#', c:get('missing'))")).isEqualTo("1");
    }

    @Test
    void theLeastRecentlyUsedKeyIsEvicted() {
        String keys = run("c = lrucache.new(2) c:set('a', 1) c:set('b', 2) c:get('a') c:set('c', 3) "
                + "return tostring(c:get('b')) .. ' ' .. c:get('a') .. ' ' .. c:get('c') .. ' ' .. c:count() "
                + ".. ' ' .. table.concat(c:get_keys(), ',')");
        assertThat(keys).isEqualTo("nil 1 3 2 c,a");
    }

    @Test
    void settingAnExistingKeyRefreshesItWithoutEvicting() {
        assertThat(run("c = lrucache.new(2) c:set('a', 1) c:set('b', 2) c:set('a', 10) c:set('c', 3) "
                + "return c:get('a') .. ' ' .. tostring(c:get('b'))")).isEqualTo("10 nil");
    }

    @Test
    void anExpiredItemIsReturnedAsStale() {
        run("c = lrucache.new(2) c:set('k', 'v', 10, 3) c:set('forever', 'f')");
        clock.advance(Duration.ofSeconds(9));
        assertThat(run("local v, stale = c:get('k') return v .. ' ' .. tostring(stale)")).isEqualTo("v nil");
        clock.advance(Duration.ofMillis(1001));
        assertThat(run("local v, stale, flags = c:get('k') return tostring(v) .. ' ' .. stale .. ' ' .. flags"))
                .isEqualTo("nil v 3");
        clock.advance(Duration.ofDays(1000));
        assertThat(run("return c:get('forever')")).isEqualTo("f");
    }

    @Test
    void deleteFlushAndKeys() {
        assertThat(run("c = lrucache.new(5) for i = 1, 4 do c:set('k' .. i, i) end "
                + "local d1, d2 = c:delete('k2'), c:delete('nope') "
                + "local res = {'x', 'x', 'x', 'x', 'x'} "
                + "c:get_keys(2, res) "
                + "return tostring(d1) .. ' ' .. tostring(d2) .. ' ' .. c:count() .. ' ' .. res[1] .. res[2] .. ' ' "
                + ".. tostring(res[3]) .. ' ' .. res[4]"))
                .isEqualTo("true false 3 k4k3 nil x");
        assertThat(run("c:flush_all() return c:count() .. ' ' .. #c:get_keys() .. ' ' .. tostring(c:get('k1'))"))
                .isEqualTo("0 0 nil");
        assertThat(run("for i = 1, 7 do c:set(i, i) end return c:count() .. ' ' .. table.concat(c:get_keys(), ',')"))
                .isEqualTo("5 7,6,5,4,3");
    }

    @Test
    void tableKeysAreKeptByIdentity() {
        assertThat(run("c = lrucache.new(3) local k1, k2 = {}, {} c:set(k1, 'one') c:set(k2, 'two') "
                + "return c:get(k1) .. c:get(k2) .. tostring(c:get({}))")).isEqualTo("onetwonil");
    }
}
