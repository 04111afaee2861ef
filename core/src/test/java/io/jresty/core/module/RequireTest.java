package io.jresty.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

class RequireTest {
    @TempDir
    Path dir;

    private Globals worker(String packagePath) {
        return LuaGlobals.create(new LuaOptions(packagePath, null));
    }

    private static LuaValue run(Globals g, String lua) {
        return g.load(lua, "=test").call();
    }

    private void write(String relative, String source) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    @Test
    void aModuleOnThePathLoadsOncePerWorker() throws Exception {
        write("counter.lua", "loads = (loads or 0) + 1\nreturn { name = ... }");
        String path = dir + "/?.lua;;";
        Globals first = worker(path);
        LuaValue same = run(first, "local a = require 'counter'; local b = require('counter'); "
                + "return a == b and a.name == 'counter' and loads == 1 and package.loaded.counter == a");
        assertThat(same.toboolean()).isTrue();
        Globals second = worker(path);
        assertThat(run(second, "require 'counter'; require 'counter'; return loads").toint()).isEqualTo(1);
        assertThat(run(first, "return loads").toint()).isEqualTo(1);
    }

    @Test
    void dottedNamesAndInitFilesFollowTheTemplates() throws Exception {
        write("lib/resty/thing.lua", "return { kind = 'file' }");
        write("lib/pkg/init.lua", "return { kind = 'init' }");
        Globals g = worker(dir + "/lib/?.lua;" + dir + "/lib/?/init.lua");
        assertThat(run(g, "return require('resty.thing').kind .. require('pkg').kind").tojstring())
                .isEqualTo("fileinit");
    }

    @Test
    void doubleSemicolonStandsForTheDefaultPath() {
        Globals g = worker("/srv/lua/?.lua;;");
        assertThat(run(g, "return package.path").tojstring())
                .isEqualTo("/srv/lua/?.lua;" + PackagePath.DEFAULT_PATH + ";");
        assertThat(PackagePath.DEFAULT_PATH).startsWith("./?.lua;")
                .contains("/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua");
        assertThat(run(worker(null), "return package.path").tojstring()).isEqualTo(PackagePath.DEFAULT_PATH);
    }

    @Test
    void luaPathFromTheEnvironmentReplacesTheBuiltInDefaultAsInLuajit() {
        assertThat(PackagePath.defaultPath(null)).isEqualTo(PackagePath.DEFAULT_PATH);
        assertThat(PackagePath.defaultPath("/env/?.lua;;")).isEqualTo("/env/?.lua;" + PackagePath.DEFAULT_PATH + ";");
        assertThat(PackagePath.expand("/conf/?.lua;;", PackagePath.defaultPath("/env/?.lua"), null))
                .isEqualTo("/conf/?.lua;/env/?.lua;");
    }

    @Test
    void prefixIsSubstitutedAndRelativeEntriesResolveAgainstIt() throws Exception {
        write("lua/app.lua", "return 'from prefix'");
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        LuaModules.install(g, "$prefix/other/?.lua;lua/?.lua;;", dir);
        assertThat(run(g, "return package.path").tojstring())
                .startsWith(dir + "//other/?.lua;lua/?.lua;./?.lua;");
        assertThat(run(g, "return require 'app'").tojstring()).isEqualTo("from prefix");
    }

    @Test
    void preloadComesBeforeFilesAndItsLoaderGetsTheName() throws Exception {
        write("both.lua", "return 'file'");
        Globals g = worker(dir + "/?.lua");
        LuaModules.preload(g, "both", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf("preload:" + args.arg1().tojstring());
            }
        });
        assertThat(run(g, "return require 'both'").tojstring()).isEqualTo("preload:both");
        assertThat(run(g, "package.preload.lua_side = function() end; return require 'lua_side'").toboolean())
                .isTrue();
    }

    @Test
    void missingModuleListsWhereItLookedLikeLua51() throws Exception {
        String lua = "package.path = './?.lua;" + dir + "/?/init.lua' package.cpath = './?.so'\n"
                + "local ok, err = pcall(require, 'no.such')";
        String expected = "module 'no.such' not found:\n"
                + "\tno field package.preload['no.such']\n"
                + "\tno file './no/such.lua'\n"
                + "\tno file '" + dir + "/no/such/init.lua'\n"
                + "\tno file './no/such.so'\n"
                + "\tno file './no.so'";
        assertThat(run(worker(null), lua + " return err").tojstring()).isEqualTo(expected);
        Path luajit = Path.of("/usr/bin/luajit");
        assumeTrue(Files.isExecutable(luajit));
        Process p = new ProcessBuilder(luajit.toString(), "-e", lua + " print(err)").start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).isEqualTo(expected + "\n");
    }

    @Test
    void requireRunsWhatTheSearchersInPackageLoadersReturn() throws Exception {
        // compat's module() relies on this: it wraps package.loaders entries to see the chunk running
        write("seen.lua", "return 'loaded'");
        Globals g = worker(dir + "/?.lua");
        String lua = "local files = package.loaders[2] local seen = {} "
                + "package.loaders[2] = function(name) local f = files(name) "
                + "if type(f) == 'function' then return function(...) seen[#seen + 1] = name return f(...) end end "
                + "return f end "
                + "local v = require 'seen' return v .. ' ' .. table.concat(seen, ',') .. ' ' .. tostring(package.searchers == package.loaders)";
        assertThat(run(g, lua).tojstring()).isEqualTo("loaded seen true");
    }

    @Test
    void module51StyleFilesWorkThroughRequire() throws Exception {
        write("oldstyle.lua", "module('oldstyle', package.seeall)\nfunction hello() return 'hi ' .. type(print) end");
        Globals g = worker(dir + "/?.lua");
        assertThat(run(g, "local m = require 'oldstyle' return m.hello() .. ' ' .. tostring(oldstyle == m)").tojstring())
                .isEqualTo("hi function true");
    }

    @Test
    void aRequireLoopIsReported() throws Exception {
        write("loop.lua", "return require 'loop'");
        Globals g = worker(dir + "/?.lua");
        assertThat(run(g, "local ok, err = pcall(require, 'loop') return err").tojstring())
                .endsWith("loop or previous error loading module 'loop'");
    }

    @Test
    void aSyntaxErrorNamesTheModuleAndTheFile() throws Exception {
        write("broken.lua", "return {");
        Globals g = worker(dir + "/?.lua");
        assertThatThrownBy(() -> run(g, "require 'broken'"))
                .isInstanceOf(LuaError.class)
                .hasMessageContaining("error loading module 'broken' from file '" + dir + "/broken.lua':\n\t");
    }

    @Test
    void aModuleIsCompiledUnderItsFileName() throws Exception {
        write("fails.lua", "local x = 1\nerror('boom')");
        Globals g = worker(dir + "/?.lua");
        assertThat(run(g, "local ok, err = pcall(require, 'fails') return err").tojstring())
                .contains(dir + "/fails.lua:2").contains("boom");
    }

    @Test
    void debiansLrucacheFilesOnThePathWinOverTheBuiltInOne() {
        assumeTrue(Files.exists(Path.of("/usr/share/lua/5.1/resty/lrucache.lua")),
                "Debian's lua-resty-lrucache is installed (.ci/run installs it)");
        Globals g = worker(";;");
        // Debian's file reads ngx.now when it loads; the error shows which file was loaded
        assertThat(run(g, "local ok, err = pcall(require, 'resty.lrucache') return err").tojstring())
                .contains("/usr/share/lua/5.1/resty/lrucache.lua:");
        run(g, "package.loaded['resty.lrucache'] = nil ngx = { now = function() return 0 end }");
        assertThat(run(g, "return require('resty.lrucache').new(2):capacity()").toint()).isEqualTo(2);
        assertThat(run(g, "require 'resty.core' return require('resty.core.base').FFI_OK").toint()).isZero();
    }

    @Test
    void theBuiltInLrucacheStandsInWhenNoFileIsOnThePath() throws Exception {
        Globals g = worker(dir + "/?.lua");
        // the built-in needs no ngx table
        assertThat(run(g, "return require('resty.lrucache').new(3):capacity()").toint()).isEqualTo(3);
        assertThat(run(g, "return require('resty.lrucache.pureffi') == require('resty.lrucache')").toboolean()).isTrue();
        write("resty/lrucache.lua", "return { mine = true }");
        Globals withFile = worker(dir + "/?.lua");
        assertThat(run(withFile, "return require('resty.lrucache').mine").toboolean()).isTrue();
    }

    @Test
    void cModulesOnTheCpathAreReportedAsUnloadable() throws Exception {
        write("native.so", "not really");
        Globals g = worker(null);
        String err = run(g, "package.cpath = '" + dir + "/?.so' local ok, err = pcall(require, 'native') return err")
                .tojstring();
        assertThat(err).startsWith("error loading module 'native' from file '" + dir + "/native.so':");
    }
}
