package io.jresty.core.cjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaNull;
import io.jresty.core.lua.LuaOptions;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

class CJsonNullTest {
    @Test
    void cjsonNullIsTheNullNgxUsesInEveryWorker() {
        for (int worker = 0; worker < 2; worker++) {
            Globals g = LuaGlobals.create(LuaOptions.defaults());
            g.set("ngx_null", LuaNull.NULL);
            LuaValue same = g.load("local cjson, safe = require 'cjson', require 'cjson.safe' "
                    + "return cjson.null == ngx_null and safe.null == ngx_null and cjson.decode('[null]')[1] == ngx_null "
                    + "and cjson.encode({a = ngx_null}) == '{\"a\":null}'", "=t").call();
            assertThat(same.toboolean()).isTrue();
        }
    }

    @Test
    void anErrorFromADirectCallNamesTheCallingLine() {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        String err = g.load("local cjson = require 'cjson'\nlocal ok, err = pcall(function()\n"
                + "  local t = cjson.decode('{') return t end)\nreturn err", "=chunk").call().tojstring();
        assertThat(err).isEqualTo("chunk:3: Expected object key string but found T_END at character 2");
    }
}
