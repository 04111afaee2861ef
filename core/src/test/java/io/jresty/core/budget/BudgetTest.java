package io.jresty.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jresty.core.compile.ChunkCompiler;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.lib.jse.JsePlatform;

/** Runaway Lua is stopped at its budget, compiled or interpreted, even inside pcall. */
class BudgetTest {
    private static final Duration LIMIT = Duration.ofMillis(200);

    static Stream<Arguments> runaways() {
        String[] shapes = {
            "while true do end",
            "pcall(function() while true do end end)",
            "local x = 0 repeat x = x + 1 until false",
            "for i = 1, math.huge do end",
            "local function f(n) return f(n + 1) end return f(1)",
            "local ok = pcall(function() local function f(n) return f(n + 1) end return f(1) end) return ok",
        };
        return Stream.of(true, false).flatMap(luajc -> Stream.of(shapes).map(s -> Arguments.of(luajc, s)));
    }

    private static LuaFunction chunk(boolean luajc, String source) {
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(100, luajc, true));
        Globals g = JsePlatform.standardGlobals();
        compiler.install(g);
        var chunk = compiler.compile(source, "=runaway");
        assertThat(chunk.compiled()).isEqualTo(luajc);
        return chunk.bind(g);
    }

    @ParameterizedTest(name = "luajc={0}: {1}")
    @MethodSource("runaways")
    void runawayIsStoppedWithinBudget(boolean luajc, String source) {
        LuaFunction f = chunk(luajc, source);
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> Budget.run(LIMIT, "content_by_lua(nginx.conf:3)", f::call))
                        .isInstanceOf(LuaTimeout.class)
                        .hasMessage("content_by_lua(nginx.conf:3) exceeded its budget of 200 ms"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("luajc=%s %-60s stopped after %d ms%n", luajc, source, tookMillis);
        assertThat(tookMillis).isGreaterThanOrEqualTo(LIMIT.toMillis());
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt cleared").isFalse();
    }

    @Test
    void interpretedChunkInSandboxIsStoppedToo() {
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(100, false, true));
        Globals g = JsePlatform.standardGlobals();
        compiler.install(g);
        LuaTable sandbox = new LuaTable();
        sandbox.set("marker", "sandboxed");
        var chunk = compiler.compile("seen = marker while true do end", "=plugin");
        LuaFunction f = chunk.bind(sandbox, g);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> Budget.run(LIMIT, "plugin", f::call)).isInstanceOf(LuaTimeout.class));
        assertThat(sandbox.get("seen").tojstring()).isEqualTo("sandboxed");
        assertThat(g.get("seen").isnil()).isTrue();
    }

    @Test
    void workWithinBudgetReturnsItsResult() throws Exception {
        LuaFunction f = chunk(true, "local s = 0 for i = 1, 1000 do s = s + i end return s");
        assertThat(Budget.run(Duration.ofSeconds(5), "test", f::call).toint()).isEqualTo(500500);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void interruptedThreadStopsAtNextTick() {
        LuaFunction f = chunk(true, "while true do end");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(f::call).isInstanceOf(LuaTimeout.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void budgetChecksCanBeLeftOut() throws Exception {
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(100, true, false));
        LuaFunction f = compiler.compile("for i = 1, 10 do end return 'done'", "=quick").bind(new Globals());
        Thread.currentThread().interrupt();
        try {
            assertThat(f.call().tojstring()).isEqualTo("done");
        } finally {
            Thread.interrupted();
        }
    }
}
