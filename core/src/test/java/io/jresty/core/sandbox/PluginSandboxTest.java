package io.jresty.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Every way out of a plugin's sandbox that we know of is closed; a plugin's own globals stay its own. */
class PluginSandboxTest {
    private Globals globals;
    private PluginSandbox sandbox;

    @BeforeEach
    void setUp() {
        globals = LuaGlobals.create(LuaOptions.defaults());
        LuaTable ngx = new LuaTable();
        ngx.set("say", LuaValue.valueOf("the real say"));
        ngx.set("var", new LuaTable());
        globals.set("ngx", ngx);
        sandbox = new PluginSandbox(globals, Set.of("cjson"));
    }

    private LuaValue run(String plugin, String code) {
        return ChunkCompiler.shared().compile(code, "=" + plugin).bind(sandbox.env(plugin)).call();
    }

    private String attempt(String code) {
        return run("p", "local ok, err = pcall(function() " + code + " end) return tostring(ok) .. ' ' .. tostring(err)")
                .tojstring();
    }

    @ParameterizedTest
    @ValueSource(strings = {"os.execute", "os.exit", "os.remove", "os.rename", "os.getenv", "io", "debug",
            "package", "string.dump", "setfenv", "getfenv", "dofile", "loadfile", "module", "luajava"})
    void dangerousNamesAreAbsent(String name) {
        assertThat(run("p", "return " + name + " == nil").toboolean()).as(name).isTrue();
    }

    @Test
    void safeLibrariesWork() {
        assertThat(run("p", "return string.upper('a') .. math.floor(2.5) .. table.concat({1, 2}) .. type(os.time())")
                .tojstring()).isEqualTo("A212number");
    }

    @Test
    void bytecodeCannotBeLoadedButSourceRunsInThePluginsEnvironment() {
        assertThat(run("p", "local f, err = load('\\27LuaQ') return err").tojstring()).contains("binary chunk");
        assertThat(run("p", "secret = 42 local f = loadstring('return secret') return f()").toint()).isEqualTo(42);
    }

    @Test
    void requireIsLimitedToTheAllowList() {
        assertThat(attempt("require('os')")).contains("not allowed in a sandboxed plugin");
        assertThat(run("p", "return type(require('cjson').encode)").tojstring()).isEqualTo("function");
        assertThat(attempt("require('cjson').encode = nil")).contains("read-only");
    }

    @Test
    void sharedTablesAreReadOnly() {
        assertThat(attempt("ngx.say = nil")).contains("read-only table ngx");
        assertThat(attempt("string.upper = nil")).contains("read-only table string");
        assertThat(attempt("rawset(string, 'upper', nil)")).contains("shared library table");
        assertThat(attempt("getmetatable('').__index = {}")).contains("read-only");
        assertThat(attempt("setmetatable(string, {})")).contains("protected metatable");
        assertThat(globals.get("ngx").get("say").tojstring()).isEqualTo("the real say");
        assertThat(globals.get("string").get("upper").isfunction()).isTrue();
    }

    @Test
    void pluginsKeepTheirGlobalsAndCannotSeeEachOthers() {
        run("a", "counter = (counter or 0) + 1");
        run("a", "counter = (counter or 0) + 1");
        assertThat(run("a", "return counter").toint()).isEqualTo(2);
        assertThat(run("b", "return counter").isnil()).isTrue();
        run("b", "_G.counter = 'b'");
        assertThat(run("a", "return counter").toint()).isEqualTo(2);
        assertThat(globals.get("counter").isnil()).isTrue();
    }

    @Test
    void pluginGlobalsDoNotLeakIntoTheWorker() {
        run("p", "ngx_plugin_global = true x = 1");
        assertThat(globals.get("ngx_plugin_global").isnil()).isTrue();
    }
}
