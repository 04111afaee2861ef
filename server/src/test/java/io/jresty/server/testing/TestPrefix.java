package io.jresty.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh prefix directory as nginx expects one (conf/, html/, logs/) with the test's files in it. */
final class TestPrefix {
    private TestPrefix() {}

    static Path create(String name, Map<String, String> files) throws IOException {
        Path prefix = Files.createTempDirectory(name);
        Files.createDirectories(prefix.resolve("conf"));
        Files.createDirectories(prefix.resolve("html"));
        Files.createDirectories(prefix.resolve("logs"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = prefix.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return prefix;
    }
}
