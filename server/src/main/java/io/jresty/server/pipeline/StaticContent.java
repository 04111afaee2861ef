package io.jresty.server.pipeline;

import io.jresty.server.http.LocationBlock;
import io.jresty.server.http.MimeTypes;
import io.jresty.server.http.Settings;
import io.jresty.server.request.HttpRequestState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** nginx's static module: files under root or alias, index files, Last-Modified and 304. */
final class StaticContent {
    private final Map<String, String> mimeTypes;

    StaticContent(Map<String, String> mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    /** Serves the request's uri; returns the status to finish with when there is no file body. */
    Outcome serve(HttpRequestState r) {
        String method = r.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new Outcome.Finish(405);
        }
        Settings s = r.location().settings();
        Path path = resolve(r.location(), s, r.uri());
        if (path == null) {
            return new Outcome.Finish(404);
        }
        if (r.uri().endsWith("/")) {
            for (String index : s.index()) {
                Path candidate = path.resolve(index);
                if (Files.isRegularFile(candidate)) {
                    return new Outcome.Redirect(r.uri() + index, r.args(), true);
                }
            }
            return new Outcome.Finish(Files.isDirectory(path) ? 403 : 404);
        }
        if (Files.isDirectory(path)) {
            String location = r.uri() + "/" + (r.args() == null ? "" : "?" + r.args());
            r.responseHeaders().set("Location", Redirects.absolute(r, location));
            return new Outcome.Finish(301);
        }
        if (!Files.isRegularFile(path)) {
            return new Outcome.Finish(404);
        }
        if (!Files.isReadable(path)) {
            return new Outcome.Finish(403);
        }
        return sendFile(r, s, path);
    }

    private Outcome sendFile(HttpRequestState r, Settings s, Path path) {
        try {
            Instant modified = Files.getLastModifiedTime(path).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            long size = Files.size(path);
            String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC));
            String type = MimeTypes.lookup(mimeTypes, path.getFileName().toString());
            r.responseHeaders().set("Content-Type", type == null ? s.defaultType() : type);
            r.responseHeaders().set("Last-Modified", lastModified);
            String etag = "\"" + Long.toHexString(modified.getEpochSecond()) + "-" + Long.toHexString(size) + "\"";
            r.responseHeaders().set("ETag", etag);
            if (notModified(r.requestHeader("If-Modified-Since"), r.requestHeader("If-None-Match"), modified, etag)) {
                r.status(304);
                r.sendHeaders();
                r.eof();
                return new Outcome.Finish(0);
            }
            r.status(200);
            r.responseHeaders().set("Content-Length", String.valueOf(size));
            r.write(Files.readAllBytes(path));
            r.eof();
            return new Outcome.Finish(0);
        } catch (IOException e) {
            return new Outcome.Finish(500);
        }
    }

    /** nginx's not_modified filter: each validator present must agree, and one must be present. */
    private static boolean notModified(String since, String noneMatch, Instant modified, String etag) {
        if (since == null && noneMatch == null) {
            return false;
        }
        if (noneMatch != null && !etagMatches(noneMatch, etag)) {
            return false;
        }
        return since == null || sameTime(since, modified);
    }

    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameTime(String since, Instant modified) {
        try {
            Instant t = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return modified.equals(t);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Path resolve(LocationBlock location, Settings s, String uri) {
        String rest = uri;
        Path base = s.root();
        if (s.alias() != null && !location.modifier().isRegex()) {
            base = s.alias();
            rest = uri.length() >= location.pattern().length() ? uri.substring(location.pattern().length()) : "";
        }
        String relative = rest.startsWith("/") ? rest.substring(1) : rest;
        Path p = relative.isEmpty() ? base : base.resolve(relative).normalize();
        return p.startsWith(base.normalize()) ? p : null;
    }
}
