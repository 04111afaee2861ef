package io.jresty.server.request;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

/**
 * The header lines of a request head as sent: names in their own case, in the client's
 * order, as nginx keeps them for ngx.req.get_headers. CRLF or a bare LF ends a line.
 */
final class RawHeaderLines {
    private RawHeaderLines() {}

    /**
     * Adds name → value for each header line of head to out; false (out partly filled) when
     * head is null or a line is not "name: value".
     */
    static boolean parse(byte[] head, List<Map.Entry<String, String>> out) {
        if (head == null) {
            return false;
        }
        int at = lineEnd(head, 0) + 1;
        while (at < head.length) {
            int end = lineEnd(head, at);
            int stop = end > at && head[end - 1] == '\r' ? end - 1 : end;
            if (stop == at) {
                return true;
            }
            int colon = at;
            while (colon < stop && head[colon] != ':') {
                colon++;
            }
            if (colon == at || colon == stop || head[at] == ' ' || head[at] == '\t') {
                return false;
            }
            int from = colon + 1;
            while (from < stop && (head[from] == ' ' || head[from] == '\t')) {
                from++;
            }
            int to = stop;
            while (to > from && (head[to - 1] == ' ' || head[to - 1] == '\t')) {
                to--;
            }
            // one char per byte, as Undertow's parser reads header bytes
            out.add(new AbstractMap.SimpleImmutableEntry<>(latin1(head, at, colon), latin1(head, from, to)));
            at = end + 1;
        }
        return false;
    }

    private static int lineEnd(byte[] head, int from) {
        int i = from;
        while (i < head.length && head[i] != '\n') {
            i++;
        }
        return i;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
