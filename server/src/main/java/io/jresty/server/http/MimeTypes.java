package io.jresty.server.http;

import java.util.Locale;
import java.util.Map;

/** The built-in extension → MIME type table, used when the conf has no types block. */
public final class MimeTypes {
    private MimeTypes() {}

    public static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("shtml", "text/html"),
            Map.entry("css", "text/css"), Map.entry("xml", "text/xml"), Map.entry("txt", "text/plain"),
            Map.entry("js", "application/javascript"), Map.entry("json", "application/json"),
            Map.entry("gif", "image/gif"), Map.entry("jpeg", "image/jpeg"), Map.entry("jpg", "image/jpeg"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("svgz", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/x-ms-bmp"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/octet-stream"),
            Map.entry("bin", "application/octet-stream"), Map.entry("wasm", "application/wasm"),
            Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"), Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"), Map.entry("md", "text/plain"));

    /** The type of a file name under a table, or null when the extension is unknown. */
    public static String lookup(Map<String, String> table, String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        return table.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
