package io.jresty.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.Prototype;

/**
 * Runs every compat/*.lua on our Globals, interpreted and compiled by LuaJC, and compares what
 * it prints with the .out beside it, which LuaJIT 2.1 wrote:
 * {@code cd core/src/test/resources/compat && for f in *.lua; do luajit $f > ${f%.lua}.out; done}.
 * Where /usr/bin/luajit exists, LuaJIT runs each file again, so a stale .out shows up too.
 */
class CompatSuiteTest {
    private static final Path LUAJIT = Path.of("/usr/bin/luajit");

    @TestFactory
    Stream<DynamicContainer> scriptsPrintWhatLuaJitPrints() throws IOException, URISyntaxException {
        Path dir = Path.of(CompatSuiteTest.class.getResource("/compat").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicContainer.dynamicContainer(script.getFileName().toString(), Stream.of(
                DynamicTest.dynamicTest("interpreter", () -> assertSame(script, "interpreter", run(script, false))),
                DynamicTest.dynamicTest("luajc", () -> assertSame(script, "luajc", run(script, true))),
                DynamicTest.dynamicTest("luajit agrees with the .out", () -> {
                    assumeTrue(Files.isExecutable(LUAJIT), "no luajit here");
                    assertThat(luajit(script)).isEqualTo(expected(script));
                }))));
    }

    /** Keeps what we printed in target/compat-actual, so a failure can be diffed with the .out. */
    private static void assertSame(Path script, String mode, String actual) throws IOException {
        Path keep = Path.of("target", "compat-actual", script.getFileName() + "." + mode + ".out");
        Files.createDirectories(keep.getParent());
        Files.writeString(keep, actual, StandardCharsets.ISO_8859_1);
        assertThat(actual).as(script.getFileName().toString()).isEqualTo(expected(script));
    }

    private static String expected(Path script) throws IOException {
        Path out = script.resolveSibling(script.getFileName().toString().replaceFirst("\\.lua$", ".out"));
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    private static String run(Path script, boolean compiled) throws IOException {
        Globals g = LuaGlobals.create(LuaOptions.defaults());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        g.STDOUT = new PrintStream(printed, true, StandardCharsets.ISO_8859_1);
        String name = script.getFileName().toString();
        LuaFunction main;
        if (compiled) {
            // through our compiler, as servers run code: its classes name variables in errors
            main = new ChunkCompiler(new ChunkCompiler.Settings(16, true, false)).compile(Files.readAllBytes(script), "@" + name).bind(g);
        } else {
            Prototype p = g.compilePrototype(new ByteArrayInputStream(Files.readAllBytes(script)), "@" + name);
            main = new LuaClosure(p, g);
        }
        try {
            main.call();
        } catch (RuntimeException e) {
            printed.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        g.STDOUT.flush();
        return printed.toString(StandardCharsets.ISO_8859_1);
    }

    private static String luajit(Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(LUAJIT.toString(), script.getFileName().toString())
                .directory(script.getParent().toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
