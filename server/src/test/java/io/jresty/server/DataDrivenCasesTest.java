package io.jresty.server;

import io.jresty.server.testing.BlockRunner;
import io.jresty.server.testing.TestBlock;
import io.jresty.server.testing.TestBlockFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every block of every src/test/resources/cases/*.t file, each against a fresh real server. */
class DataDrivenCasesTest {
    @TestFactory
    Stream<DynamicNode> cases() throws IOException {
        Path dir = Path.of("src/test/resources/cases");
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".t"))
                    .filter(p -> p.getFileName().toString().startsWith(System.getProperty("jresty.cases", "")))
                    .sorted().toList()) {
                String name = file.getFileName().toString();
                List<DynamicTest> tests = TestBlockFile.parse(name, Files.readString(file, StandardCharsets.UTF_8))
                        .stream()
                        .map(b -> DynamicTest.dynamicTest(b.displayName(), () -> BlockRunner.run(b)))
                        .toList();
                files.add(DynamicContainer.dynamicContainer(name, tests));
            }
        }
        return files.stream();
    }
}
