package io.jresty.core.cjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luaj.vm2.Globals;

/**
 * Runs the Lua snippets of the cjson spec files on jresty and compares what they print with the
 * recorded text; the same text is checked against luajit + Debian's lua-cjson when installed.
 */
class CJsonSpecTest {
    private static final Path LUAJIT = Path.of("/usr/bin/luajit");
    private static final String PRELUDE = "local cjson = require 'cjson'\n";

    @TestFactory
    Stream<DynamicTest> jrestyPrintsWhatLuaCjsonPrints() throws Exception {
        return cases().map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.title(),
                () -> assertThat(LuaCase.normalise(runOnJresty(c.lua()))).isEqualTo(c.out())));
    }

    @TestFactory
    Stream<DynamicTest> recordedOutputIsWhatLuajitPrints() throws Exception {
        return cases().filter(c -> !c.openresty()).map(c -> DynamicTest.dynamicTest(c.file() + ": " + c.title(), () -> {
            assumeTrue(Files.isExecutable(LUAJIT), "no " + LUAJIT);
            // LuaJIT names the C function from the call site; under pcall it says '?'.
            assertThat(LuaCase.normalise(runOnLuajit(c.lua())).replaceAll("to '[^']*'", "to '?'"))
                    .isEqualTo(c.out().replaceAll("to '[^']*'", "to '?'"));
        }));
    }

    private static Stream<LuaCase> cases() throws Exception {
        return Stream.of("encode.txt", "decode.txt").flatMap(f -> {
            try {
                return LuaCase.load(f).stream();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String runOnJresty(String lua) {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        g.set("print", new RawPrint(g, printed));
        g.load(PRELUDE + lua, "=case").call();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String runOnLuajit(String lua) throws Exception {
        Process p = new ProcessBuilder(LUAJIT.toString(), "-e", PRELUDE + lua).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
