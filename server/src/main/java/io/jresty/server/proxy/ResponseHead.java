package io.jresty.server.proxy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status line and headers of an upstream response.
 *
 * @param http11 whether the upstream answered HTTP/1.1 (keepalive by default)
 */
record ResponseHead(int status, String reason, boolean http11, List<Map.Entry<String, String>> headers) {
    private static final int MAX_LINE = 64 * 1024;

    /** An upstream that sent bytes that are not an HTTP response head. */
    static final class InvalidHeader extends IOException {
        InvalidHeader(String message) {
            super(message);
        }
    }

    /** Reads the head; EOFException when the upstream closed before sending one. */
    static ResponseHead read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new InvalidHeader("upstream sent no valid HTTP/1.0 header");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new InvalidHeader("upstream sent no valid HTTP/1.0 header");
        }
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new InvalidHeader("upstream sent invalid header");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(l.substring(0, colon).trim(),
                    l.substring(colon + 1).trim()));
        }
        return new ResponseHead(status, reason, statusLine.startsWith("HTTP/1.1"), List.copyOf(headers));
    }

    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** A line without its CRLF (a bare LF ends it too, as nginx accepts). */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("upstream prematurely closed connection");
            }
            if (c == '\n') {
                break;
            }
            b.write(c);
            if (b.size() > MAX_LINE) {
                throw new InvalidHeader("upstream sent too big header");
            }
        }
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
}
