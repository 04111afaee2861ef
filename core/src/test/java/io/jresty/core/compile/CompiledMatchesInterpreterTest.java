package io.jresty.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * Instrumented LuaJC code computes what the interpreter computes: the budget ticks and error
 * handlers woven into loops and function bodies must not change control flow. Each snippet
 * returns a string; both engines must return the expected one.
 */
class CompiledMatchesInterpreterTest {
    private static String run(boolean luajc, String source) {
        ChunkCompiler compiler = new ChunkCompiler(luajc ? ChunkCompiler.Settings.DEFAULT : TestStates.INTERPRETER);
        Globals g = TestStates.with(compiler);
        var chunk = compiler.compile(source, "=snippet");
        assertThat(chunk.compiled()).isEqualTo(luajc);
        return LuaCalls.call(chunk.bind(g), LuaValue.NONE).arg1().tojstring();
    }

    private static void bothEngines(String source, String expected) {
        assertThat(run(true, source)).as("LuaJC").isEqualTo(expected);
        assertThat(run(false, source)).as("interpreter").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"while", "repeat", "numeric for", "generic for", "goto"})
    void loopsCountTheSame(String kind) {
        String source = switch (kind) {
            case "while" -> "local i, s = 0, 0 while i < 10 do i = i + 1 if i % 2 == 0 then s = s + i end end return tostring(s)";
            case "repeat" -> "local i, s = 0, 0 repeat i = i + 1 s = s + i until i >= 10 return tostring(s)";
            case "numeric for" -> "local s = 0 for i = 10, 1, -2 do s = s + i end return tostring(s)";
            case "generic for" -> "local s = '' for k, v in ipairs({'a', 'b', 'c'}) do s = s .. k .. v end return s";
            default -> "local s = 0 for i = 1, 5 do if i == 3 then goto continue end s = s + i ::continue:: end return tostring(s)";
        };
        String expected = switch (kind) {
            case "while" -> "30";
            case "repeat" -> "55";
            case "numeric for" -> "30";
            case "generic for" -> "1a2b3c";
            default -> "12";
        };
        bothEngines(source, expected);
    }

    @Test
    void closuresCaptureEachIteration() {
        String source = """
                local fs = {}
                for i = 1, 3 do fs[i] = function() return i end end
                local j = 0
                while j < 3 do j = j + 1 local k = j * 10 fs[#fs + 1] = function() return k end end
                local out = {}
                for _, f in ipairs(fs) do out[#out + 1] = f() end
                return table.concat(out, ",")
                """;
        bothEngines(source, "1,2,3,10,20,30");
    }

    @Test
    void varargsAndTailCalls() {
        String source = """
                local function count(...) return select('#', ...) end
                local function pass(...) return count(...) end
                local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
                return count(nil, nil) .. ":" .. pass(1, nil, 3, nil) .. ":" .. loop(100000, 0)
                """;
        bothEngines(source, "2:4:5000050000");
    }

    @Test
    void pcallInsideLoopsKeepsGoing() {
        String source = """
                local caught = 0
                for i = 1, 50 do
                  local ok = pcall(function() if i % 5 == 0 then error("x" .. i) end end)
                  if not ok then caught = caught + 1 end
                end
                return tostring(caught)
                """;
        bothEngines(source, "10");
    }
}
