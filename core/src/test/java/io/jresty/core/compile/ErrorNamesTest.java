package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Run-time errors name their variable as LuaJIT does where the failing instruction is known,
 * and fall back to LuaJIT's unnamed words where it is not, never naming the wrong variable.
 * (errornames.lua in the compat suite compares the names with LuaJIT's.)
 */
class ErrorNamesTest {
    private static final String CHUNK = "=content_by_lua(nginx.conf:12)";

    private static Varargs run(boolean luajc, String source) {
        ChunkCompiler compiler = new ChunkCompiler(luajc ? ChunkCompiler.Settings.DEFAULT : TestStates.INTERPRETER);
        Globals g = TestStates.with(compiler);
        return LuaCalls.call(compiler.compile(source, CHUNK).bind(g), LuaValue.NONE);
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void indexingAnUndefinedGlobalNamesIt(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local a = 1\n\nlocal port = cfg.port\n"))
                .hasMessage("content_by_lua(nginx.conf:12):3: attempt to index global 'cfg' (a nil value)");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void theFailingStepOfAChainIsNamed(boolean luajc) {
        // both lookups are on one line: the failing instruction, not the line, decides
        assertThatThrownBy(() -> run(luajc, "local t = {}\nreturn t.db.host\n"))
                .hasMessage("content_by_lua(nginx.conf:12):2: attempt to index field 'db' (a nil value)");
        assertThatThrownBy(() -> run(luajc, "local t\nreturn t.db.host\n"))
                .hasMessage("content_by_lua(nginx.conf:12):2: attempt to index local 't' (a nil value)");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void theFailingCallOfALineIsNamed(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local t = {}\nprint(t.f(missing()))\n"))
                .hasMessage("content_by_lua(nginx.conf:12):2: attempt to call global 'missing' (a nil value)");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void aLocalUsedTwiceOnALineIsNamed(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local u\nlocal x = u.a or u.b\n"))
                .hasMessage("content_by_lua(nginx.conf:12):2: attempt to index local 'u' (a nil value)");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void aFailedTailCallIsNotBlamedOnItsCaller(boolean luajc) {
        // LuaJ finishes `return g()` in the caller's frame, at the call of f: f is not the nil value
        assertThatThrownBy(() -> run(luajc, "local function f() return g() end\nlocal x = f()\n"))
                .hasMessageEndingWith("attempt to call a nil value");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void errorsOfLibraryFunctionsKeepTheirText(boolean luajc) {
        assertThatThrownBy(() -> run(luajc, "local s\nlocal n = string.len(s)\n"))
                .hasMessageContaining("bad argument")
                .hasMessageNotContaining("'s'");
    }

    @ParameterizedTest(name = "luajc={0}")
    @ValueSource(booleans = {true, false})
    void aValueWrittenOnOnlyOneBranchHasNoName(boolean luajc) {
        // the indexed value is the table or the global, depending on the branch taken
        assertThatThrownBy(() -> run(luajc, "return (os.time() < 0 and {} or missing).y\n"))
                .hasMessageEndingWith(":1: attempt to index a nil value");
    }
}
