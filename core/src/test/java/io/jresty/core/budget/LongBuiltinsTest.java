package io.jresty.core.budget;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;

/**
 * Built-ins that loop in Java over a huge input charge the CPU budget as compiled Lua does: the
 * call ends at its budget instead of running to the end (each of these runs for seconds unbudgeted).
 */
class LongBuiltinsTest {
    private static final Duration LIMIT = Duration.ofMillis(50);

    private static Globals g;

    @BeforeAll
    static void buildHugeInputs() {
        g = LuaGlobals.create(LuaOptions.defaults());
        // built unbudgeted: the inputs are huge, and only the call under test is timed
        ChunkCompiler.shared().compile("""
                cjson = require 'cjson'
                big = {}
                for i = 1, 2000000 do big[i] = (i * 7919) % 1000003 end
                nested = {}
                for i = 1, 300000 do nested[i] = {id = i, name = 'n' .. i, tags = {'a', 'b'}} end
                text = cjson.encode(big)
                """, "=setup").bind(g).call();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "table.sort(big)",
        "table.sort(big, function(a, b) return a > b end)",
        "table.sort(big, function(a, b) local n = 0 for i = 1, 20 do n = n + i end return a < b end)",
        "return #cjson.encode(big)",
        "return #cjson.encode(nested)",
        "return cjson.decode(text)[1]",
    })
    void stopsAtTheBudget(String call) {
        LuaFunction f = ChunkCompiler.shared().compile(call, "=plugin").bind(g);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> Budget.run(LIMIT, "plugin huge", f::call))
                        .isInstanceOf(LuaTimeout.class)
                        .hasMessage("plugin huge exceeded its budget of 50 ms"));
    }
}
