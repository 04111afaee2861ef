package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.core.lua.LuaPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * The name a compiled Lua function was called by, as {@code debug.getinfo(1, "n").name} gives
 * it in LuaJIT, which ngx.log prints as {@code FUNC():}. A Java function {@code where()} stands
 * in for ngx.log and returns what it sees.
 */
class CallerNameTest {
    private static String seenBy(String source) {
        ChunkCompiler compiler = new ChunkCompiler(ChunkCompiler.Settings.DEFAULT);
        Globals g = TestStates.with(compiler);
        g.set("where", new ZeroArgFunction() {
            @Override
            public LuaValue call() {
                String name = LuaPosition.currentFunction();
                return name == null ? NIL : valueOf(name);
            }
        });
        LuaValue result = LuaCalls.call(compiler.compile(source, "=t").bind(g), LuaValue.NONE).arg1();
        return result.isnil() ? "(none)" : result.tojstring();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "global function   | function foo() local n = where() return n end local r = foo() return r | foo",
            "local function    | local function bar() local n = where() return n end local r = bar() return r | bar",
            "method            | local o = {} function o:m() local n = where() return n end local r = o:m() return r | m",
            "field             | local M = {} function M.f() local n = where() return n end local r = M.f() return r | f",
            "upvalue           | local g = function() local n = where() return n end local function h() local r = g() return r end local r = h() return r | g",
            "among other calls | local function f() local n = where() return n end local r = tostring(f()) return r | f",
            "anonymous         | local r = (function() local n = where() return n end)() return r | (none)",
            "main chunk        | local n = where() return n | (none)",
            "through pcall     | local function f() local n = where() return n end local ok, r = pcall(f) return r | (none)",
            "tail call         | local function i() local n = where() return n end local function o() return i() end local r = o() return r | o",
            "__index           | local t = setmetatable({}, {__index = function() local n = where() return n end}) local r = t.x return r | __index",
    })
    void nameIsTheCallersWord(String what, String source, String expected) {
        assertThat(seenBy(source)).isEqualTo(expected);
    }
}
