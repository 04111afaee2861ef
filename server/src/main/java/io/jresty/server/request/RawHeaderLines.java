package io.jresty.server.request;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header lines of a request head as sent: names in their own case, in the client's
 * order, as nginx keeps them for ngx.req.get_headers. CRLF or a bare LF ends a line.
 */
final class RawHeaderLines {
    private RawHeaderLines() {}

    /** name → value per header line; null when head is null or a line is not "name: value". */
    static List<Map.Entry<String, String>> parse(byte[] head) {
        if (head == null) {
            return null;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        // lines[0] is the request line
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty()) {
                return out;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                return null;
            }
            String value = trim(line.substring(colon + 1));
            // one char per byte, as Undertow's parser reads header bytes
            out.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon), value));
        }
        return null;
    }

    /** nginx drops spaces and tabs around a value, nothing else. */
    private static String trim(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        return value.substring(from, to);
    }
}
