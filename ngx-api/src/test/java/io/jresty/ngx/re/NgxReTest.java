package io.jresty.ngx.re;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.core.budget.LuaTimeout;
import io.jresty.ngx.testing.LuaCases;
import io.jresty.ngx.testing.NgxLua;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.luaj.vm2.LuaString;

class NgxReTest {
    @TestFactory
    Stream<DynamicTest> regexCasesPrintWhatNginxPrinted() {
        return LuaCases.tests(getClass(), "re.cases", NgxLua::create);
    }

    @Test
    void catastrophicBacktrackingStopsWithPcresMatchLimitError() {
        NgxLua lua = NgxLua.create();
        long start = System.nanoTime();
        String out = lua.run("""
                -- java.util.regex needs minutes for this one (PCRE gives up at its match limit)
                local subject, slow = string.rep(",", 40), "(.*,){11}P"
                show(ngx.re.match(subject, slow))
                show(ngx.re.find(subject, slow))
                show(ngx.re.gsub(subject, slow, "x"))
                local it = ngx.re.gmatch(subject, slow) show(it())
                show(ngx.re.split(subject, slow))
                """);
        assertThat(out).isEqualTo("""
                nil , "pcre_exec() failed: -8"
                nil , nil , "pcre_exec() failed: -8"
                nil , nil , "pcre_exec() failed: -8"
                nil , "pcre_exec() failed: -8"
                nil , "pcre_exec() failed: -8"
                """);
        // five searches of 5 million steps each; about a second on a slow shared machine
        assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
    }

    @Test
    void aLongMatchChargesTheCodesTimeBudget() {
        RegexSubject subject = RegexSubject.of(LuaString.valueOf("aaaa"), RegexOptions.NONE);
        subject.resetBudget();
        Thread.currentThread().interrupt();
        try {
            // the watchdog's interrupt is seen within 65536 character reads
            assertThatThrownBy(() -> {
                for (int i = 0; i < 70_000; i++) {
                    subject.charAt(i % 4);
                }
            }).isInstanceOf(LuaTimeout.class);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt stays for the budget's owner to clear").isTrue();
        }
    }

    @Test
    void patternsJavaCannotExpressFailToCompileWithAReason() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("show(ngx.re.match('aa', '(a)(?1)'))"))
                .isEqualTo("nil , \"pcre_compile() failed: recursion and subroutine calls are not supported in \\\"(a)(?1)\\\"\"\n");
        assertThat(lua.run("show(ngx.re.match('ab', 'a\\\\Kb'))"))
                .isEqualTo("nil , \"pcre_compile() failed: \\\\K is not supported in \\\"a\\\\Kb\\\"\"\n");
    }

    @Test
    void utf8OffsetsAreBytesBothWays() {
        NgxLua lua = NgxLua.create();
        String out = lua.run("""
                local s = "日本語abc日本"
                local ctx = {pos = 4}
                show(ngx.re.find(s, "\\\\p{Han}", "u", ctx))
                show(ctx.pos)
                show(ngx.re.find(s, "[a-z]+", "u", ctx))
                show(ctx.pos)
                show(ngx.re.gsub(s, ".", "-", "u"))
                show(#ngx.re.match(s, "...", "u")[0])
                """);
        assertThat(out).isEqualTo("4 , 6\n7\n10 , 12\n13\n\"--------\" , 8\n9\n");
    }

    @Test
    void binarySubjectsKeepTheirBytes() {
        NgxLua lua = NgxLua.create();
        String out = lua.run("""
                local s = "\\0\\200\\255x\\255"
                local r, n = ngx.re.gsub(s, "\\xff", "\\1")
                show(#r, n, r:byte(1, -1))
                show(ngx.re.find(s, "x"))
                """);
        assertThat(out).isEqualTo("5 , 2 , 0 , 200 , 1 , 120 , 1\n4 , 4\n");
    }

    @Test
    void compileOnceCacheStopsGrowingAtItsLimit() throws Exception {
        RegexCache cache = new RegexCache(RegexCache.DEFAULT_MAX_ENTRIES);
        LuaString once = LuaString.valueOf("jo");
        for (int i = 0; i < 1100; i++) {
            cache.compile(LuaString.valueOf("a" + i), once);
        }
        assertThat(cache.compiledOnce()).isEqualTo(1024);
        CompiledRegex first = cache.compile(LuaString.valueOf("a0"), once);
        assertThat(cache.compile(LuaString.valueOf("a0"), once)).isSameAs(first);
        assertThat(cache.compile(LuaString.valueOf("a1099"), once)).isNotSameAs(cache.compile(LuaString.valueOf("a1099"), once));
    }

    @Test
    void optRefusesJitStackChangesOnceAPatternIsCached() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("show(pcall(ngx.re.opt, 'jit_stack_size', 65536))")).isEqualTo("true\n");
        lua.run("ngx.re.match('a', 'a', 'o')");
        assertThat(lua.run("show(pcall(ngx.re.opt, 'jit_stack_size', 65536))")).isEqualTo(
                "false , \"changing jit stack size is not allowed when some regexs have already been compiled and cached\"\n");
    }

    @Test
    void requireNgxReGivesSplitAndOpt() {
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("""
                local re = require "ngx.re"
                say(table.concat(re.split("a, b,c", [[,\\s*]]), "|"), " ", type(re.opt))
                """)).isEqualTo("a|b|c function\n");
    }

    @Test
    void aPatternThatRecursesTooDeepFailsInsteadOfTakingTheWorkerDown() {
        // nginx 1.22's worker dies of SIGSEGV on this one (PCRE recursing on the C stack)
        NgxLua lua = NgxLua.create();
        assertThat(lua.run("""
                local s = string.rep("ab", 200000)
                show(ngx.re.find(s, "^(a|b)*$"))
                show(ngx.re.gsub(s, "^(a|b)*$", ""))
                show(ngx.re.find(s, "^[ab]*$"))
                """)).isEqualTo("""
                nil , nil , "pcre_exec() failed: -21"
                nil , nil , "pcre_exec() failed: -21"
                1 , 400000
                """);
    }
}
