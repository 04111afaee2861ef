package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Unbounded recursion is a Lua error, not a dead thread. */
class StackOverflowTest {
    private static final String RECURSE = "local function f(n) return 1 + f(n + 1) end\n";

    @Test
    void pcallCatchesOverflowInCompiledCode() {
        ChunkCompiler compiler = new ChunkCompiler(ChunkCompiler.Settings.DEFAULT);
        Globals g = TestStates.with(compiler);
        var chunk = compiler.compile(RECURSE + "local ok, err = pcall(f, 1)\nreturn ok, err, 'still running'", "=deep");
        assertThat(chunk.compiled()).isTrue();
        Varargs r = LuaCalls.call(chunk.bind(g), LuaValue.NONE);
        assertThat(r.arg(1).toboolean()).isFalse();
        assertThat(r.arg(2).tojstring()).isEqualTo("deep:1: stack overflow");
        assertThat(r.arg(3).tojstring()).isEqualTo("still running");
    }

    @Test
    void pcallCatchesOverflowOnVirtualThread() throws Exception {
        // requests run on virtual threads; their frames live on the carrier's stack while running
        ChunkCompiler compiler = new ChunkCompiler(ChunkCompiler.Settings.DEFAULT);
        var chunk = compiler.compile(RECURSE + "local ok, err = pcall(f, 1)\nreturn err", "=deep");
        Globals g = TestStates.with(compiler);
        String[] result = new String[1];
        Thread.ofVirtual().start(() -> result[0] = LuaCalls.call(chunk.bind(g), LuaValue.NONE).arg1().tojstring()).join();
        assertThat(result[0]).isEqualTo("deep:1: stack overflow");
    }

    @Test
    void pcallCatchesOverflowInInterpretedCodeOnSmallStack() throws Exception {
        ChunkCompiler compiler = new ChunkCompiler(TestStates.INTERPRETER);
        Globals g = TestStates.with(compiler);
        var chunk = compiler.compile(RECURSE + "local ok, err = pcall(f, 1)\nreturn err, f == nil", "=deep");
        Object[] result = new Object[2];
        Thread small = new Thread(null, () -> {
            Varargs r = LuaCalls.call(chunk.bind(g), LuaValue.NONE);
            result[0] = r.arg(1).tojstring();
            result[1] = r.arg(2).toboolean();
        }, "small-stack", 1 << 20);
        small.start();
        small.join();
        assertThat(result[0]).isEqualTo("deep:1: stack overflow");
        assertThat(result[1]).isEqualTo(false);
    }

    @Test
    void boundaryTurnsInterpreterOverflowIntoLuaError() {
        ChunkCompiler compiler = new ChunkCompiler(TestStates.INTERPRETER);
        Globals g = TestStates.with(compiler);
        var chunk = compiler.compile(RECURSE + "return f(1)", "=deep");
        assertThatThrownBy(() -> LuaCalls.call(chunk.bind(g), LuaValue.NONE))
                .isInstanceOf(LuaError.class)
                .hasMessageContaining("stack overflow");
    }

    @Test
    void deepButBoundedRecursionStillWorks() {
        ChunkCompiler compiler = new ChunkCompiler(ChunkCompiler.Settings.DEFAULT);
        var chunk = compiler.compile("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(5000)", "=deep");
        assertThat(LuaCalls.call(chunk.bind(new Globals()), LuaValue.NONE).arg1().toint()).isEqualTo(5000);
    }
}
