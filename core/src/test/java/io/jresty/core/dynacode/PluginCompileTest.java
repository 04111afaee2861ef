package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

class PluginCompileTest {
    private final Snapshots snapshots = new Snapshots();

    /** A worker's globals with an ngx.exit that records its status and returns it, as a stand-in. */
    private static Globals workerWithExit(int[] exited) {
        Globals g = JsePlatform.standardGlobals();
        LuaTable ngx = new LuaTable();
        ngx.set("exit", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                exited[0] = args.checkint(1);
                return LuaValue.valueOf("exited");
            }
        });
        g.set("ngx", ngx);
        return g;
    }

    @Test
    void aPluginThatFailsToCompileIsSkippedAndReportedWhileTheOthersApply() throws Exception {
        PluginSnapshot s = snapshots.build("""
                {"general":{"status":"enabled"},"domains":[{"name":"*","plugins":[
                  {"name":"first","code":"x = 1","phase":"access"},
                  {"name":"broken","code":"ngx.say(","phase":"access"},
                  {"name":"third","code":"y = 2","phase":"access"}]}]}""");

        assertThat(s.pluginsFor("any.host", "access")).extracting(Plugin::name).containsExactly("first", "third");
        assertThat(snapshots.eventNames())
                .containsExactly("bg_compile_success", "bg_compile_error", "bg_compile_success");
        DynacodeEvent.CompileError err = (DynacodeEvent.CompileError) snapshots.events.get(1);
        assertThat(err.plugin().name()).isEqualTo("broken");
        assertThat(err.err()).startsWith("the plugin broken raised an error plugin(broken:access):")
                .endsWith(" during compilation");
        assertThat(s.compileFailures()).singleElement()
                .satisfies(f -> assertThat(f.error()).startsWith("plugin(broken:access):2:"));
    }

    @Test
    void varargsOutsideAFunctionAreACompileErrorAsInDynacode() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "va", "access", "local a = ..."));

        assertThat(s.pluginsFor("h", "access")).isEmpty();
        assertThat(s.compileFailures().get(0).error()).contains("cannot use '...' outside a vararg function");
    }

    @Test
    void returnAtTopLevelWorksAndTheReturnValueComesBack() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "auth", "access",
                "if ngx.var == nil then return ngx.exit(403) end\nerror('not reached')"));
        int[] exited = {0};
        Globals g = workerWithExit(exited);

        Varargs out = s.pluginsFor("h", "access").get(0).bind(g).invoke(LuaValue.NONE);

        assertThat(exited[0]).isEqualTo(403);
        assertThat(out.arg1().tojstring()).isEqualTo("exited");
    }

    @Test
    void aTrailingCommentDoesNotSwallowTheClosingEnd() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "commented", "log", "done = true -- the end"));
        Globals g = JsePlatform.standardGlobals();

        s.pluginsFor("h", "log").get(0).bind(g).call();

        assertThat(g.get("done").toboolean()).isTrue();
    }

    @Test
    void runtimeErrorsNameThePluginAndItsPhaseWithTheLine() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "cors", "header_filter", "local a = 1\nerror('boom')"));
        Globals g = JsePlatform.standardGlobals();

        LuaError e = org.junit.jupiter.api.Assertions.assertThrows(LuaError.class,
                () -> s.pluginsFor("h", "header_filter").get(0).bind(g).call());

        // LuaJ 3.0.1 prints the raw chunk name ("=plugin(...)") and no colon before the message;
        // the Lua 5.1 form "plugin(cors:header_filter):2: boom" is the compat layer's to restore.
        assertThat(e.getMessage()).contains("plugin(cors:header_filter):2").contains("boom");
    }

    @Test
    void pluginGlobalsLiveInTheWorkerEnvironmentAndEachWorkerBindsOnce() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "count", "log", "counter = (counter or 0) + 1"));
        Plugin p = s.pluginsFor("h", "log").get(0);
        Globals w1 = JsePlatform.standardGlobals();
        Globals w2 = JsePlatform.standardGlobals();

        p.bind(w1).call();
        p.bind(w1).call();
        p.bind(w2).call();

        assertThat(p.bind(w1)).isSameAs(p.bind(w1)).isNotSameAs(p.bind(w2));
        assertThat(w1.get("counter").toint()).isEqualTo(2);
        assertThat(w2.get("counter").toint()).isEqualTo(1);
    }

    @Test
    void anUnchangedPluginIsNotCompiledAgainAndKeepsItsBindingAndCounters() throws Exception {
        String v1 = """
                {"general":{"status":"enabled"},"domains":[{"name":"*","plugins":[
                  {"name":"same","code":"a = 1","phase":"access"},
                  {"name":"changed","code":"b = 1","phase":"access"}]}]}""";
        PluginSnapshot first = snapshots.build(v1);
        long compiled = snapshots.compiler.compiles();
        Plugin same = first.pluginsFor("h", "access").get(0);
        same.stats().record(1000, false);

        PluginSnapshot second = snapshots.build(v1.replace("b = 1", "b = 2"), first);

        assertThat(snapshots.compiler.compiles()).isEqualTo(compiled + 1);
        assertThat(snapshots.compiler.reuses()).isEqualTo(1);
        List<Plugin> now = second.pluginsFor("h", "access");
        assertThat(now.get(0)).isSameAs(same);
        assertThat(now.get(0).stats().runs()).isEqualTo(1);
        assertThat(now.get(1)).isNotSameAs(first.pluginsFor("h", "access").get(1));
    }

    @Test
    void emptyCodeCompilesToANoOp() throws Exception {
        PluginSnapshot s = snapshots.build(Documents.single("*", "empty", "content", ""));

        assertThat(s.pluginsFor("h", "content").get(0).bind(JsePlatform.standardGlobals()).call().isnil()).isTrue();
    }
}
