package io.jresty.server;

import io.jresty.server.testing.BlockRunner;
import io.jresty.server.testing.NginxReference;
import io.jresty.server.testing.TestBlockFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data-driven cases against Debian's nginx + lua-nginx-module, to prove the cases state
 * OpenResty's behaviour. Runs with -Djresty.reference=true where nginx is installed; blocks
 * marked "--- jresty_only" (features nginx does not have) are left out.
 */
class NginxReferenceTest {
    @TestFactory
    Stream<DynamicNode> sameCasesOnNginx() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("jresty.reference"), "reference mode is off");
        Assumptions.assumeTrue(NginxReference.available(), "nginx with lua-nginx-module is not installed");
        List<DynamicNode> tests = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of("src/test/resources/cases"))) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".t"))
                    .filter(p -> p.getFileName().toString().startsWith(System.getProperty("jresty.cases", "")))
                    .sorted().toList()) {
                TestBlockFile.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8))
                        .stream()
                        .filter(b -> !b.has("jresty_only"))
                        .forEach(b -> tests.add(DynamicTest.dynamicTest(b.displayName(), () -> BlockRunner.runOnNginx(b))));
            }
        }
        return tests.stream();
    }
}
