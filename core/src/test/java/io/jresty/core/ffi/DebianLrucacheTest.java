package io.jresty.core.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;

/**
 * Debian's lua-resty-lrucache, both variants, loaded unchanged from /usr/share/lua/5.1 and
 * run on the ffi subset, with ngx.now driven by the test.
 */
class DebianLrucacheTest {
    private static final Path DIR = Path.of("/usr/share/lua/5.1");

    private Globals load(String module) {
        assumeTrue(Files.exists(DIR.resolve(module.replace('.', '/') + ".lua")),
                "Debian's lua-resty-lrucache is installed (.ci/run installs it)");
        Globals g = LuaGlobals.create(new LuaOptions(DIR + "/?.lua", null));
        run(g, "now = 1000 ngx = { now = function() return now end, log = function() end, ALERT = 2 }");
        // the built-in stand-in reads a Java clock, not ngx.now: the expiry test tells them apart
        run(g, "lrucache = require '" + module + "'");
        return g;
    }

    private static String run(Globals g, String lua) {
        return g.load(lua, "=test").call().tojstring();
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void newCountCapacityAndSizeTooSmall(String module) {
        Globals g = load(module);
        assertThat(run(g, "local c, err = lrucache.new(0) return tostring(c) .. ' ' .. err")).isEqualTo("nil size too small");
        assertThat(run(g, "c = lrucache.new(3) return c:capacity() .. ' ' .. c:count()")).isEqualTo("3 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void setGetWithFlagsAndDelete(String module) {
        Globals g = load(module);
        assertThat(run(g, "c = lrucache.new(4) c:set('a', 'A') c:set('b', 'B', nil, 7) "
                + "local v, stale, flags = c:get('b') "
                + "return v .. ' ' .. tostring(stale) .. ' ' .. flags .. ' ' .. select(3, c:get('a')) .. ' ' .. c:count()"))
                .isEqualTo("B nil 7 0 2");
        assertThat(run(g, "return tostring(c:get('missing')) .. ' ' .. tostring(c:delete('a')) .. ' '"
                + ".. tostring(c:delete('a')) .. ' ' .. tostring(c:get('a')) .. ' ' .. c:count()"))
                .isEqualTo("nil true false nil 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void expiryFollowsNgxNowAndReturnsTheStaleValue(String module) {
        Globals g = load(module);
        run(g, "c = lrucache.new(2) c:set('k', 'v', 10, 3) c:set('forever', 'f')");
        run(g, "now = now + 9.5");
        assertThat(run(g, "local v, stale = c:get('k') return v .. ' ' .. tostring(stale)")).isEqualTo("v nil");
        run(g, "now = now + 1");
        assertThat(run(g, "local v, stale, flags = c:get('k') return tostring(v) .. ' ' .. stale .. ' ' .. flags"))
                .isEqualTo("nil v 3");
        run(g, "now = now + 1e8");
        assertThat(run(g, "return c:get('forever')")).isEqualTo("f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void theLeastRecentlyUsedKeyIsEvictedAndKeysListMostRecentFirst(String module) {
        Globals g = load(module);
        assertThat(run(g, "c = lrucache.new(3) c:set('a', 1) c:set('b', 2) c:set('c', 3) c:get('a') c:set('d', 4) "
                + "return tostring(c:get('b')) .. ' ' .. c:count() .. ' ' .. table.concat(c:get_keys(), ',')"))
                .isEqualTo("nil 3 d,a,c");
        assertThat(run(g, "c:set('c', 30) c:set('e', 5) return table.concat(c:get_keys(), ',') .. ' ' .. tostring(c:get('a'))"))
                .isEqualTo("e,c,d nil");
        assertThat(run(g, "local res = {'x', 'x', 'x', 'x'} c:get_keys(2, res) "
                + "return res[1] .. res[2] .. ' ' .. tostring(res[3]) .. ' ' .. res[4]")).isEqualTo("ec nil x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void flushAllEmptiesTheCacheAndItFillsAgain(String module) {
        Globals g = load(module);
        run(g, "c = lrucache.new(5) for i = 1, 4 do c:set('k' .. i, i) end c:flush_all()");
        assertThat(run(g, "return c:count() .. ' ' .. #c:get_keys() .. ' ' .. tostring(c:get('k1'))")).isEqualTo("0 0 nil");
        assertThat(run(g, "for i = 1, 7 do c:set('n' .. i, i) end "
                + "return c:count() .. ' ' .. table.concat(c:get_keys(), ',') .. ' ' .. c:get('n7')"))
                .isEqualTo("5 n7,n6,n5,n4,n3 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.lrucache", "resty.lrucache.pureffi"})
    void manyKeysThroughASmallCacheKeepTheLastOnes(String module) {
        Globals g = load(module);
        assertThat(run(g, "c = lrucache.new(100) for i = 1, 5000 do c:set('key' .. i, i) end "
                + "local hits = 0 for i = 1, 5000 do if c:get('key' .. i) then hits = hits + 1 end end "
                + "return c:count() .. ' ' .. hits .. ' ' .. c:get('key5000') .. ' ' .. tostring(c:get('key4900'))"))
                .isEqualTo("100 100 5000 nil");
    }
}
