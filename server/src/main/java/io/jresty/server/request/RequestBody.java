package io.jresty.server.request;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request body of one request: not read yet, read into memory, read into a temp file
 * (when larger than client_body_buffer_size, as nginx writes it under client_body_temp), or
 * replaced by Lua. Used by the request's own thread only.
 */
final class RequestBody {
    /** nginx names temp files by a 10-digit sequence number. */
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** nginx keeps a body that arrived with the headers in the header buffer (1k) in memory. */
    private static final int HEADER_BUFFER = 1024;

    private boolean read;
    /** discard_body drained the socket; a later read_body finds no body. */
    private boolean discarded;
    private byte[] data;
    private Path file;
    /** The name as set_body_file gave it, returned unchanged by get_body_file. */
    private String fileName;
    private boolean ownFile;

    boolean read() {
        return read;
    }

    /** Nothing more of the body is left on the socket (read, replaced or discarded). */
    boolean consumed() {
        return read || discarded;
    }

    byte[] data() {
        return read ? data : null;
    }

    String file() {
        return fileName != null ? fileName : file == null ? null : file.toString();
    }

    /**
     * Reads the body once (blocking), held to client_max_body_size (max, 0 = none) as it arrives;
     * bodies too large for the buffer go to a file under temp.
     */
    byte[] read(HttpServerExchange exchange, boolean present, long bufferSize, long headerBytes, Path temp, long max) {
        if (read) {
            return data;
        }
        read = true;
        if (discarded) {
            return null;
        }
        byte[] all = BodyLimit.readAll(exchange, max);
        if (all.length == 0 && !present) {
            return null;
        }
        if (all.length > bufferSize && headerBytes + all.length > HEADER_BUFFER && temp != null) {
            file = spill(all, temp);
            ownFile = true;
            return null;
        }
        data = all;
        return data;
    }

    /** The body is drained and dropped; as in nginx, it does not count as read. */
    void discard(HttpServerExchange exchange) {
        if (!read && !discarded) {
            BodyLimit.readAll(exchange, 0);
        }
        discarded = true;
        data = null;
        dropFile();
    }

    void replace(byte[] bytes) {
        read = true;
        data = bytes;
        dropFile();
    }

    void replaceFile(String path) {
        read = true;
        data = null;
        dropFile();
        file = Path.of(path);
        fileName = path;
    }

    /** Removes a temp file this body made (at the end of the request, as nginx's cleanup does). */
    void close() {
        dropFile();
    }

    private void dropFile() {
        if (file != null && ownFile) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless; nginx leaves them on crashes too
            }
        }
        file = null;
        fileName = null;
        ownFile = false;
    }

    private static Path spill(byte[] all, Path temp) {
        try {
            Files.createDirectories(temp);
            Path f = temp.resolve(String.format("%010d", SEQUENCE.incrementAndGet()));
            Files.write(f, all);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
