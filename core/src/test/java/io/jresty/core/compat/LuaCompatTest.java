package io.jresty.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** What jresty does on purpose differently from LuaJIT (no FFI, no JIT), so the LuaJIT-checked suite cannot cover it. */
class LuaCompatTest {
    private final Globals g = LuaGlobals.create(LuaOptions.defaults());

    private LuaValue eval(String code) {
        return g.load(code, "=test").call();
    }

    @Test
    void theBuildPatchedLuaDoubleIsTheOneLoaded() {
        assertThatCode(LuaCompat::verifyPatched).doesNotThrowAnyException();
        assertThat(eval("return 't=' .. 1700000000.5 .. ' ' .. 1/3").tojstring()).isEqualTo("t=1700000000.5 0.33333333333333");
    }

    @Test
    void requireFfiGivesTheDataOnlySubsetWhoseCSymbolsFailSayingThereIsNoNativeFfi() {
        assertThat(eval("local ffi = require 'ffi' return ffi.sizeof('uint32_t[4]')").toint()).isEqualTo(16);
        assertThatThrownBy(() -> eval("return require('ffi').C.malloc"))
                .isInstanceOf(LuaError.class)
                .hasMessageContaining("ffi.C.malloc (C symbols) is not supported: jresty runs on the JVM and has no native FFI");
    }

    @Test
    void jitTableAnswersProbesButReportsNoCompiler() {
        assertThat(eval("return jit.version .. ' ' .. jit.version_num .. ' ' .. jit.os .. ' ' .. jit.arch").tojstring())
                .isEqualTo("LuaJIT 2.1.0-beta3 20100 Linux x64");
        assertThat(eval("jit.off() jit.on() jit.flush() return jit.status()").toboolean()).isFalse();
        assertThat(eval("return package.loaded.jit == jit").toboolean()).isTrue();
    }

    @Test
    void tableNewAndClearAreThereWithoutRequireAsOpenRestyCodeAlsoUsesThem() {
        assertThat(eval("local t = table.new(4, 2) t[1] = 1 t.a = 2 table.clear(t) return table.nkeys(t)").toint()).isZero();
        assertThat(eval("return require('table.new') == table.new").toboolean()).isTrue();
    }

    @Test
    void mathModIsTheLua51AliasOfFmod() {
        // LuaJIT 2.1 dropped math.mod; Lua 5.1 code still calls it
        assertThat(eval("return math.mod(-7, 3)").todouble()).isEqualTo(-1.0);
    }

    @Test
    void setfenvOnALevelCountsLuaFunctionsOnlyNotJavaOnes() {
        // LuaJIT counts pcall as level 1 here and refuses to change a C function; jresty's
        // library functions are no levels, so the chunk itself (level 1) changes
        assertThat(eval("local getfenv, rawequal, t = getfenv, rawequal, {} pcall(setfenv, 1, t) return rawequal(getfenv(1), t)").toboolean()).isTrue();
    }

    @Test
    void moduleOutsideRequireChangesTheCallingChunk() {
        eval("module('loose', package.seeall) answer = 41 + 1");
        assertThat(eval("return package.loaded.loose.answer").toint()).isEqualTo(42);
        assertThat(eval("return answer").isnil()).isTrue();
    }

    @Test
    void aChunkRunAsRequiredCanCallModule() {
        LuaValue chunk = g.load("module('by.java', package.seeall) answer = 42", "=by_java");
        LuaCompat.runRequiredChunk(g, chunk, LuaValue.NONE);
        assertThat(eval("return package.loaded['by.java'].answer").toint()).isEqualTo(42);
        assertThat(eval("return answer").isnil()).isTrue();
    }

    @Test
    void randomWithAnEmptyIntervalAnswersLikeLuaJit() {
        // dynacode's default workers_max_jitter = 0 calls math.random(1, 0)
        assertThat(eval("return math.random(1, 0)").toint()).isEqualTo(1);
        assertThat(eval("return math.random(0)").toint()).isEqualTo(1);
    }

    @Test
    void printWritesBytesUnchanged() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        g.STDOUT = new java.io.PrintStream(out, true);
        eval("print('\\128\\255', 1e15, nil)");
        assertThat(out.toByteArray()).containsExactly(0x80, 0xff, '\t', '1', 'e', '+', '1', '5', '\t', 'n', 'i', 'l', '\n');
    }
}
