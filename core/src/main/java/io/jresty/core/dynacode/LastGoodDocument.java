package io.jresty.core.dynacode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last installed document on disk, so a restart with the plugin API down still serves
 * plugins (dynacode starts empty then). Written to a temporary file and renamed over the
 * old one, so a crash mid-write leaves the previous copy whole.
 */
final class LastGoodDocument {
    private final Path path;

    LastGoodDocument(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    void save(byte[] body) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, body);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The saved bytes, or empty when there is no saved document yet. */
    Optional<byte[]> load() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
