package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Runtime errors carry Lua's {@code chunk:line:} whether the chunk runs compiled or interpreted. */
class ErrorPositionTest {
    private static final String NGINX = "=content_by_lua(nginx.conf:12)";

    private static Varargs run(boolean luajc, String source, String chunkName) {
        ChunkCompiler compiler = new ChunkCompiler(luajc ? ChunkCompiler.Settings.DEFAULT : TestStates.INTERPRETER);
        Globals g = TestStates.with(compiler);
        var chunk = compiler.compile(source, chunkName);
        assertThat(chunk.compiled()).isEqualTo(luajc);
        return LuaCalls.call(chunk.bind(g), LuaValue.NONE);
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void errorCarriesChunkAndLine(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local a = 1\nlocal b = 2\nerror('boom')\n", NGINX))
                .isInstanceOf(LuaError.class)
                .hasMessage("content_by_lua(nginx.conf:12):3: boom");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void callingNilCarriesPosition(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local x = nil\n\nx()", NGINX))
                .hasMessage("content_by_lua(nginx.conf:12):3: attempt to call local 'x' (a nil value)");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void errorInNestedFunctionNamesItsLine(boolean luajc) {
        String source = """
                local function check(v)
                  if not v then
                    error("bad value")
                  end
                end
                check(true)
                check(false)
                """;
        assertThatThrownBy(() -> run(luajc, source, "@plugins/auth.lua")).hasMessage("plugins/auth.lua:3: bad value");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void libraryArgumentErrorCarriesCallersPosition(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local s = 'x'\nlocal r = s:rep({})\nreturn r", NGINX))
                .hasMessageStartingWith("content_by_lua(nginx.conf:12):2: bad argument");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void errorLevelZeroHasNoPosition(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "error('plain', 0)", NGINX)).hasMessage("plain");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void pcallSeesPosition(boolean luajc) {
        String source = """
                local ok, err = pcall(function()
                  error("inner")
                end)
                local ok2, err2 = pcall(function() local t = nil; return t.x end)
                return err, err2
                """;
        Varargs r = run(luajc, source, NGINX);
        assertThat(r.arg(1).tojstring()).isEqualTo("content_by_lua(nginx.conf:12):2: inner");
        assertThat(r.arg(2).tojstring()).startsWith("content_by_lua(nginx.conf:12):4: attempt to index");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void xpcallHandlerGetsPositionedMessage(boolean luajc) {
        String source = "return select(2, xpcall(function() error('inner') end, function(m) return 'handled: ' .. m end))";
        assertThat(run(luajc, source, NGINX).arg1().tojstring()).isEqualTo("handled: content_by_lua(nginx.conf:12):1: inner");
    }

    @org.junit.jupiter.api.Test
    void errorLevelTwoBlamesTheCaller() {
        String source = """
                local function want_number(v)
                  if type(v) ~= "number" then error("number expected", 2) end
                end
                local ok, err = pcall(function()
                  want_number("x")
                end)
                return err
                """;
        assertThat(run(true, source, NGINX).arg1().tojstring()).isEqualTo("content_by_lua(nginx.conf:12):5: number expected");
    }

    @org.junit.jupiter.api.Test
    void errorValueThatIsNotAStringStaysAsIs() {
        String source = "local ok, err = pcall(error, {code = 7}) return err.code";
        assertThat(run(true, source, NGINX).arg1().toint()).isEqualTo(7);
        String inFunction = "local ok, err = pcall(function() error({code = 8}) end) return err.code";
        assertThat(run(true, inFunction, NGINX).arg1().toint()).isEqualTo(8);
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void messageThatLooksLikeAPositionIsLeftAlone(boolean luajc) {
        String source = "local ok, err = pcall(function() error('at 10:30 nothing') end) return err";
        assertThat(run(luajc, source, NGINX).arg1().tojstring())
                .isEqualTo("content_by_lua(nginx.conf:12):1: at 10:30 nothing");
    }

    @org.junit.jupiter.api.Test
    void plainChunkNameShowsAsString() {
        assertThatThrownBy(() -> run(true, "error('x')", "return 1\nmore"))
                .hasMessage("[string \"return 1...\"]:1: x");
    }
}
