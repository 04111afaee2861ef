package io.jresty.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;

/** A call's allocation limit ends what grows without bound, and only that. */
class AllocationLimitTest {
    private static final long MB = 1024 * 1024;
    private static final Duration NO_TIME_LIMIT = Duration.ZERO;
    private final Globals g = LuaGlobals.create(LuaOptions.defaults());

    private LuaFunction chunk(String source) {
        return ChunkCompiler.shared().compile(source, "=plugin").bind(g);
    }

    private Object run(long limitBytes, String source) throws Exception {
        LuaFunction f = chunk(source);
        return Budget.run(NO_TIME_LIMIT, limitBytes, "plugin grow", () -> f.call().tojstring());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "local t = {} local i = 0 while true do i = i + 1 t[i] = i end",
        "local t = {} local i = 0 while true do i = i + 1 t['k' .. i] = true end",
        "local t = {} while true do t[#t + 1] = {} end",
        "local t = {} while true do t[#t + 1] = string.rep('x', 100000) .. #t end",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} while true do pcall(function() t[#t + 1] = {1, 2, 3} end) end",
        "coroutine.wrap(function() local t = {} while true do t[#t + 1] = {} end end)()",
        "local co = coroutine.wrap(function() local t = {} while true do t[#t + 1] = 'x' .. #t coroutine.yield() end end)"
                + " while true do co() end",
    })
    void unboundedGrowthEndsAtTheLimit(String source) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> run(16 * MB, source))
                        .isInstanceOf(LuaMemoryLimit.class)
                        .hasMessage("plugin grow exceeded its allocation limit of 16 MB"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aCallUnderTheLimitSucceedsAndTheSameOverItFails() throws Exception {
        // 10^5 integers: an array part that doubles up to 2^17 slots, about 4 MB charged in all
        String build = "local t = {} for i = 1, 100000 do t[i] = i end return #t";
        assertThat(run(8 * MB, build)).isEqualTo("100000");
        assertThatThrownBy(() -> run(2 * MB, build)).isInstanceOf(LuaMemoryLimit.class);
    }

    @Test
    void numbersAreNotChargedThoughTheJvmBoxesThem() throws Exception {
        // LuaJ allocates a LuaDouble per addition (hundreds of MB here); LuaJIT allocates nothing
        assertThat(run(1 * MB, "local x = 0 for i = 1, 3e6 do x = x + 0.5 end return x")).isEqualTo("1500000");
    }

    @Test
    void eachCallHasItsOwnMeter() throws Exception {
        String build = "local t = {} for i = 1, 100000 do t[i] = i end return #t";
        for (int i = 0; i < 5; i++) {
            assertThat(run(8 * MB, build)).isEqualTo("100000");
        }
    }

    @Test
    void anEnclosingLimitCountsWhatInnerCallsAllocate() {
        LuaFunction build = chunk("local t = {} for i = 1, 100000 do t[i] = i end return #t");
        assertThatThrownBy(() -> Budget.run(NO_TIME_LIMIT, 6 * MB, "rewrite_by_lua(nginx.conf:9)", () -> {
            Budget.run(NO_TIME_LIMIT, 8 * MB, "plugin a", build::call);
            return Budget.run(NO_TIME_LIMIT, 8 * MB, "plugin b", build::call);
        })).isInstanceOf(LuaMemoryLimit.class).hasMessage("rewrite_by_lua(nginx.conf:9) exceeded its allocation limit of 6 MB");
    }

    @Test
    void noBudgetNoLimit() {
        LuaFunction build = chunk("local t = {} for i = 1, 300000 do t[i] = i end return #t");
        assertThat(build.call().toint()).isEqualTo(300000);
    }

    @Test
    void aHeapOutOfMemoryErrorEndsTheCallOnly() {
        assertThatThrownBy(() -> Budget.run(NO_TIME_LIMIT, 0, "plugin huge", () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(LuaMemoryLimit.class).hasMessage("plugin huge ran out of memory: not enough memory");
        assertThatThrownBy(() -> Budget.run(NO_TIME_LIMIT, 0, "plugin huge", () -> {
            throw new OutOfMemoryError("Metaspace");
        })).isExactlyInstanceOf(OutOfMemoryError.class);
    }
}
