package io.jresty.server.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decoding and normalizing a request path as nginx does for $uri. */
public final class UriPath {
    private UriPath() {}

    /** %XX decoding (not "+"); bytes are kept as ISO-8859-1 chars so non-UTF-8 paths survive. */
    public static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && Character.digit(path.charAt(i + 1), 16) >= 0
                    && Character.digit(path.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Merges slashes and resolves "." and ".." segments; null when ".." climbs above the root. */
    public static String normalize(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            path = "/" + path;
        }
        // the common path has nothing to resolve: keep it as it is (no allocation per request)
        if (path.indexOf("//") < 0 && path.indexOf("/.") < 0) {
            return path;
        }
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        int i = 0;
        while (i < path.length()) {
            while (i < path.length() && path.charAt(i) == '/') {
                i++;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(i, end);
            i = end;
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (stack.isEmpty()) {
                    return null;
                }
                stack.removeLast();
            } else {
                stack.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String p : stack) {
            out.append('/').append(p);
        }
        boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        if (out.isEmpty() || trailing) {
            out.append('/');
        }
        return out.toString();
    }

}
