package io.jresty.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jresty.core.compile.ChunkCompiler;
import io.jresty.core.lua.LuaGlobals;
import io.jresty.core.lua.LuaOptions;
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
import org.luaj.vm2.LuaFunction;

/**
 * Runs every compat/*.lua on our Globals, interpreted and compiled by LuaJC (through our
 * ChunkCompiler, as the server runs Lua), and compares what
 * it prints with the .out beside it, which LuaJIT 2.1 wrote:
 * {@code cd core/src/test/resources/compat && for f in *.lua; do luajit $f > ${f%.lua}.out; done}.
 * Where /usr/bin/luajit exists, LuaJIT runs each file again, so a stale .out shows up too.
 * A file starting with {@code -- compiled only:} is not run on the interpreter.
 */
class CompatSuiteTest {
    private static final Path LUAJIT = Path.of("/usr/bin/luajit");
    /** First line of a file whose cases only compiled code gets right; it says why. */
    private static final String COMPILED_ONLY = "-- compiled only:";

    @TestFactory
    Stream<DynamicContainer> scriptsPrintWhatLuaJitPrints() throws IOException, URISyntaxException {
        Path dir = Path.of(CompatSuiteTest.class.getResource("/compat").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicContainer.dynamicContainer(script.getFileName().toString(), Stream.of(
                DynamicTest.dynamicTest("interpreter", () -> {
                    assumeTrue(!Files.readString(script).startsWith(COMPILED_ONLY),
                            "the interpreter (LuaJC's fallback) differs here, see the file's first line");
                    assertSame(script, "interpreter", run(script, false));
                }),
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
        // as the server runs Lua: through our compiler, to JVM classes or (its fallback) on the
        // interpreter; chunks the script loads itself go the same way
        ChunkCompiler compiler = new ChunkCompiler(new ChunkCompiler.Settings(64, compiled, true));
        compiler.install(g);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        g.STDOUT = new PrintStream(printed, true, StandardCharsets.ISO_8859_1);
        String name = script.getFileName().toString();
        ChunkCompiler.CompiledChunk chunk = compiler.compile(Files.readAllBytes(script), "@" + name);
        assertThat(chunk.compiled()).as("LuaJC compiles " + name).isEqualTo(compiled);
        LuaFunction main = chunk.bind(g);
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
