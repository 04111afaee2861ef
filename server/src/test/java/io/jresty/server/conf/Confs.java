package io.jresty.server.conf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes conf text into a directory and parses it, for tests. */
final class Confs {
    private Confs() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ConfDirective> parse(Path dir, String text) throws ConfException {
        return ConfParser.parse(write(dir, "nginx.conf", text));
    }

    /** The message parsing fails with, with the conf's directory written as "D". */
    static String error(Path dir, String text) {
        try {
            parse(dir, text);
            return "OK";
        } catch (ConfException e) {
            return e.getMessage().replace(dir.toAbsolutePath().toString(), "D");
        }
    }

    /** The first directive with this name, searched depth first. */
    static ConfDirective find(List<ConfDirective> directives, String name) {
        for (ConfDirective d : directives) {
            if (d.name().equals(name)) {
                return d;
            }
            if (d.hasBlock()) {
                ConfDirective inner = find(d.block(), name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
