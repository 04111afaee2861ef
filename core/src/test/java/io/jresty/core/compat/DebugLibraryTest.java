package io.jresty.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import io.jresty.core.sandbox.PluginSandbox;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The debug library on compiled and interpreted code, where LuaJIT's output cannot be matched line for line. */
class DebugLibraryTest {
    private static Varargs run(String code, boolean compiled) {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(64, compiled, true));
        compiler.install(g);
        ChunkCompiler.CompiledChunk chunk = compiler.compile(code, "=content_by_lua(nginx.conf:12)");
        assertThat(chunk.compiled()).isEqualTo(compiled);
        return chunk.bind(g).invoke();
    }

    @Test
    void tracebackAsXpcallHandlerOfCompiledCodeGivesTheMessageAndTheStack() {
        Varargs r = run("""
                local function fail()
                  error("boom")
                end
                local function handle()
                  local ok, trace = xpcall(fail, debug.traceback)
                  return ok, trace
                end
                local ok, trace = handle()
                return ok, trace
                """, true);
        assertThat(r.arg1().toboolean()).isFalse();
        String trace = r.arg(2).tojstring();
        // the frames the error unwound come first, as Lua's handler runs on top of them
        assertThat(trace).startsWith("content_by_lua(nginx.conf:12):2: boom\nstack traceback:\n"
                + "\tcontent_by_lua(nginx.conf:12):2: in function <content_by_lua(nginx.conf:12):1>\n");
        assertThat(trace).contains("\tcontent_by_lua(nginx.conf:12):5: in function 'handle'");
        assertThat(trace).endsWith("\n\tcontent_by_lua(nginx.conf:12):8: in main chunk");
    }

    @Test
    void tracebackAsXpcallHandlerOnTheInterpreterStillGivesTheMessageAndTheStack() {
        Varargs r = run("local ok, trace = xpcall(function() error('boom') end, debug.traceback) return ok, trace", false);
        assertThat(r.arg(2).tojstring()).startsWith("content_by_lua(nginx.conf:12):1: boom\nstack traceback:\n\t")
                .contains("in main chunk");
    }

    @Test
    void getinfoLevelsCountLuaFunctionsFromTheCaller() {
        Varargs r = run("""
                local function inner()
                  local me, caller = debug.getinfo(1, "nSl"), debug.getinfo(2, "Sl")
                  return me.name, me.currentline, me.linedefined, caller.what, caller.currentline,
                      debug.getinfo(3) == nil, me.source
                end
                local a, b, c, d, e, f, g = inner()
                return a, b, c, d, e, f, g
                """, true);
        assertThat(r.arg(1).tojstring()).isEqualTo("inner");
        assertThat(r.arg(2).toint()).isEqualTo(2);
        assertThat(r.arg(3).toint()).isEqualTo(1);
        assertThat(r.arg(4).tojstring()).isEqualTo("main");
        assertThat(r.arg(5).toint()).isEqualTo(6);
        // a tail call leaves no frame of its caller, in LuaJ as in LuaJIT
        assertThat(run("local function f() return debug.getinfo(2, 'S') end return f()", true).arg1().isnil()).isTrue();
        assertThat(r.arg(6).toboolean()).isTrue();
        assertThat(r.arg(7).tojstring()).isEqualTo("=content_by_lua(nginx.conf:12)");
    }

    @Test
    void interpretedFramesHaveTheirFunctionButNoCurrentLine() {
        Varargs r = run("""
                local function inner()
                  local i = debug.getinfo(1, "Slf")
                  return i.what, i.linedefined, i.currentline, i.func == inner
                end
                return inner()
                """, false);
        assertThat(r.arg(1).tojstring()).isEqualTo("Lua");
        assertThat(r.arg(2).toint()).isEqualTo(1);
        assertThat(r.arg(3).toint()).isEqualTo(-1);
        assertThat(r.arg(4).toboolean()).isTrue();
    }

    @Test
    void aDeepStackIsCutAsLua51CutsIt() {
        String trace = run("""
                local function deep(n) if n == 0 then return debug.traceback("deep") end local r = deep(n - 1) return r end
                local trace = deep(40)
                return trace
                """, true).arg1().tojstring();
        String[] lines = trace.split("\n");
        // message, header, levels 1-11, "...", the last 10 levels
        assertThat(lines).hasSize(2 + 11 + 1 + 10);
        assertThat(lines[13]).isEqualTo("\t...");
        assertThat(lines[lines.length - 1]).endsWith("in main chunk");
    }

    @Test
    void upvaluesOfCompiledFunctionsAreReadAndWritten() {
        Varargs r = run("""
                local a, b = 1, "x"
                local function f() local r = a b = b .. "y" return r, b end
                local n1, v1 = debug.getupvalue(f, 1)
                debug.setupvalue(f, 1, 10)
                debug.setupvalue(f, 2, "z")
                local ra, rb = f()
                return n1, v1, ra, rb, b
                """, true);
        assertThat(r.arg(1).tojstring()).isEqualTo("a");
        assertThat(r.arg(2).toint()).isEqualTo(1);
        assertThat(r.arg(3).toint()).isEqualTo(10);
        assertThat(r.arg(4).tojstring()).isEqualTo("zy");
        assertThat(r.arg(5).tojstring()).isEqualTo("zy");
    }

    @Test
    void setmetatableOnOtherTypesSaysItIsNotSupported() {
        Varargs r = run("return pcall(debug.setmetatable, 1, {})", true);
        assertThat(r.arg(2).tojstring()).isEqualTo("debug.setmetatable on a number is not supported by jresty");
    }

    @Test
    void sandboxedPluginsGetNoDebugLibrary() {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        g.set("ngx", new org.luaj.vm2.LuaTable());
        assertThat(g.get("debug").istable()).isTrue();
        PluginSandbox sandbox = new PluginSandbox(g, Set.of("cjson"));
        LuaValue result = ChunkCompiler.shared()
                .compile("local ok, err = pcall(require, 'debug') return tostring(debug) .. ' ' .. tostring(ok) .. ' ' .. err", "=p")
                .bind(sandbox.env("p")).call();
        assertThat(result.tojstring()).startsWith("nil false").contains("not allowed in a sandboxed plugin");
    }
}
