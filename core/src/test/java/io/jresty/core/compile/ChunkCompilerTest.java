package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

class ChunkCompilerTest {
    private final ChunkCompiler compiler = new ChunkCompiler(ChunkCompiler.Settings.DEFAULT);

    @Test
    void compilesToJvmClassAndRuns() {
        var chunk = compiler.compile("local a, b = ... return a * b + 1", "=test");
        LuaFunction f = chunk.bind(new LuaTable());
        assertThat(chunk.compiled()).isTrue();
        assertThat(f).isNotInstanceOf(LuaClosure.class);
        assertThat(f.call(LuaValue.valueOf(6), LuaValue.valueOf(7)).toint()).isEqualTo(43);
    }

    @Test
    void eachBindHasItsOwnGlobals() {
        var chunk = compiler.compile("counter = (counter or 0) + 1 return counter", "=test");
        LuaTable one = new LuaTable();
        LuaTable two = new LuaTable();
        LuaFunction a = chunk.bind(one);
        LuaFunction b = chunk.bind(two);
        a.call();
        a.call();
        assertThat(a.call().toint()).isEqualTo(3);
        assertThat(b.call().toint()).isEqualTo(1);
        assertThat(one.get("counter").toint()).isEqualTo(3);
        assertThat(two.get("counter").toint()).isEqualTo(1);
    }

    @Test
    void unchangedSourceIsNotCompiledAgain() {
        var first = compiler.compile("return 1", "=a");
        var again = compiler.compile("return 1", "=a");
        var otherName = compiler.compile("return 1", "=b");
        assertThat(again).isSameAs(first);
        assertThat(otherName).isNotSameAs(first);
        assertThat(compiler.stats()).isEqualTo(new CompileStats(2, 1, 0));
    }

    @Test
    void syntaxErrorReadsLikeLua() {
        assertThatThrownBy(() -> compiler.compile("local x = \nx = = 1", "=content_by_lua(nginx.conf:12)"))
                .isInstanceOf(LuaError.class)
                .hasMessageStartingWith("content_by_lua(nginx.conf:12):2: ");
        assertThat(compiler.stats().compiles()).isZero();
    }

    @Test
    void unexpectedSymbolNamesTheToken() {
        assertThatThrownBy(() -> compiler.compile("x = = 1", "=content_by_lua(nginx.conf:12)"))
                .hasMessage("content_by_lua(nginx.conf:12):1: unexpected symbol near '='");
        assertThatThrownBy(() -> compiler.compile("x = 1 +", "=content_by_lua(nginx.conf:12)"))
                .hasMessage("content_by_lua(nginx.conf:12):1: unexpected symbol near '<eof>'");
        assertThatThrownBy(() -> compiler.compile("x = until", "=t"))
                .hasMessage("t:1: unexpected symbol near 'until'");
    }

    @Test
    void verifyErrorShapeFallsBackToInterpreter() {
        String source = """
                local function f(a, b, ...) if a then error() end b = b + 1 return b end
                return f(false, 41)
                """;
        var chunk = compiler.compile(source, "=edge");
        assertThat(chunk.compiled()).isFalse();
        assertThat(chunk.bind(new Globals()).call().toint()).isEqualTo(42);
        assertThat(compiler.stats().fallbacks()).isEqualTo(1);
    }

    @Test
    void hugeTableConstructorFallsBackToInterpreter() {
        StringBuilder source = new StringBuilder("local t = {\n");
        for (int i = 0; i < 3000; i++) {
            source.append("  { name = \"entry").append(i).append("\", value = ").append(i).append(" },\n");
        }
        source.append("}\nreturn #t, t[3000].name");
        var chunk = compiler.compile(source.toString(), "=config");
        assertThat(chunk.compiled()).isFalse();
        var result = chunk.bind(new Globals()).invoke(LuaValue.NONE);
        assertThat(result.arg(1).toint()).isEqualTo(3000);
        assertThat(result.arg(2).tojstring()).isEqualTo("entry2999");
        assertThat(compiler.stats().fallbacks()).isEqualTo(1);
    }

    @Test
    void loadInstalledStateGoesThroughCompiler() {
        Globals g = TestStates.with(compiler);
        LuaValue f = g.load("return function(x) return x .. '!' end", "=inline").call();
        assertThat(f).isNotInstanceOf(LuaClosure.class);
        assertThat(f.call(LuaValue.valueOf("hi")).tojstring()).isEqualTo("hi!");
        g.load("local f = load('return 40 + 2') return f(), load('return 40 + 2')()", "=outer").call();
        // the outer chunk and 'return 40 + 2' once; the second load of it is a hit
        assertThat(compiler.stats()).isEqualTo(new CompileStats(3, 1, 0));
    }

    @Test
    void loadReportsSyntaxErrorsAsValues() {
        Globals g = TestStates.with(compiler);
        var result = g.load("return load('x = = 1', '=plugin')", "=outer").invoke(LuaValue.NONE);
        assertThat(result.arg1().isnil()).isTrue();
        assertThat(result.arg(2).tojstring()).startsWith("plugin:1: ");
    }
}
