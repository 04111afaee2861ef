package io.jresty.core.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Built-in modules with a Java side: a forked worker gets its own, set up as init left it. */
class ForkedModulesTest {
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
        Fork f = Fork.after("""
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
}
