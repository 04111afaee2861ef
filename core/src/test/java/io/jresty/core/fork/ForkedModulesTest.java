package io.jresty.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Built-in modules with a Java side: a forked worker gets its own, set up as init left it. */
class ForkedModulesTest {
    /** Debian's lua-resty-lrucache reads ngx.now; the states here have no ngx API of their own. */
    private static final String NGX = "now = 1000 ngx = { now = function() return now end }\n";

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void cjsonKeepsItsSettingsAndArrayMarkersButEachWorkerOwnsThem(boolean compiled) {
        Fork f = Fork.after("""
                cjson = require "cjson"
                cjson.encode_empty_table_as_object(false)
                local encode = cjson.encode
                function enc(v) return encode(v) end
                marked = setmetatable({}, cjson.array_mt)
                """, compiled);
        assertThat(f.inWorker("return cjson.encode({})").tojstring()).isEqualTo("[]");
        assertThat(f.inWorker("return enc({ a = marked })").tojstring()).isEqualTo("{\"a\":[]}");
        assertThat(f.inWorker("return cjson.encode(setmetatable({}, cjson.array_mt))").tojstring()).isEqualTo("[]");
        // a worker requiring cjson.safe later shares the array metatables with the copied cjson
        assertThat(f.inWorker("return require('cjson.safe').encode(marked)").tojstring()).isEqualTo("[]");
        f.inWorker("cjson.encode_empty_table_as_object(true)");
        assertThat(f.inWorker("return enc({})").tojstring()).isEqualTo("{}");
        assertThat(f.inMaster("return enc({})").tojstring()).isEqualTo("[]");
        assertThat(f.worker().get("cjson").get("encode")).isNotSameAs(f.master().get("cjson").get("encode"));
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {true, false})
    void anLrucacheFilledAtInitIsCopiedPerWorker(boolean compiled) {
        Fork f = Fork.after(NGX + """
                local lrucache = require "resty.lrucache"
                local key = { id = 1 }
                cache, cache_key = lrucache.new(10), key
                cache:set("greeting", { text = "hi" })
                cache:set(key, "by table")
                """, compiled);
        assertThat(f.inWorker("return cache:get('greeting').text .. ' ' .. cache:get(cache_key)").tojstring())
                .isEqualTo("hi by table");
        f.inWorker("cache:set('greeting', { text = 'changed' }); cache:get('greeting').text = 'changed'");
        assertThat(f.inMaster("return cache:get('greeting').text .. ' ' .. cache:count()").tojstring())
                .isEqualTo("hi 2");
        assertThat(f.worker().get("cache")).isNotSameAs(f.master().get("cache"));
    }

    @ParameterizedTest(name = "{0} compiled={1}")
    @CsvSource({"resty.lrucache, true", "resty.lrucache, false",
            "resty.lrucache.pureffi, true", "resty.lrucache.pureffi, false"})
    void debiansFfiLrucacheMadeAtInitIsEachWorkersOwn(String module, boolean compiled) {
        assumeTrue(Files.exists(Path.of("/usr/share/lua/5.1/resty/lrucache/pureffi.lua")),
                "Debian's lua-resty-lrucache is installed (.ci/run installs it)");
        Fork f = Fork.after(NGX + "local lrucache = require '" + module + "'\n" + """
                cache = lrucache.new(3)
                cache:set("a", 1)
                cache:set("b", { text = "bee" })
                cache:set("c", 3, 10)
                """, compiled);
        assertThat(f.inWorker("return cache:get('b').text .. ' ' .. cache:count() .. ' ' .. table.concat(cache:get_keys(), ',')")
                .tojstring()).isEqualTo("bee 3 b,c,a");
        // the worker's writes go to its own copy of the queue and the hash: eviction walks its pointers
        f.inWorker("cache:get('a') cache:set('d', 4) cache:set('e', 5) cache:delete('a') cache:get('b')");
        assertThat(f.inWorker("return table.concat(cache:get_keys(), ',') .. ' ' .. cache:count() .. ' ' .. tostring(cache:get('c'))")
                .tojstring()).isEqualTo("e,d 2 nil");
        f.inWorker("for i = 1, 50 do cache:set('k' .. i, i) end");
        assertThat(f.inWorker("return table.concat(cache:get_keys(), ',') .. ' ' .. cache:get('k49')").tojstring())
                .isEqualTo("k50,k49,k48 49");
        assertThat(f.inMaster("return table.concat(cache:get_keys(), ',') .. ' ' .. cache:count() .. ' ' .. cache:get('b').text")
                .tojstring()).isEqualTo("c,b,a 3 bee");
        // and the master's later writes stay out of the worker's memory
        f.inMaster("cache:set('z', 26) cache:flush_all()");
        assertThat(f.inWorker("return cache:count() .. ' ' .. tostring(cache:get('z')) .. ' ' .. cache:get('k50')").tojstring())
                .isEqualTo("3 nil 50");
        // a cache the worker makes itself allocates through the module's ctypes, now the worker's
        assertThat(f.inWorker("local c = require('" + module + "').new(2) c:set('x', 1) c:set('y', 2) c:set('z', 3) "
                + "return table.concat(c:get_keys(), ',') .. ' ' .. cache:count()").tojstring()).isEqualTo("z,y 3");
        // expiry reads the worker's copy of the ngx table's clock
        f.inWorker("cache:set('t', 't', 5) now = now + 6");
        assertThat(f.inWorker("local v, stale = cache:get('t') return tostring(v) .. ' ' .. stale").tojstring())
                .isEqualTo("nil t");
    }
}
