package io.jresty.server.request;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

/**
 * nginx's variables of a request: the built-in ones, the arg_/http_/cookie_/sent_http_
 * families, regex captures $1..$9 and user variables declared with set.
 */
public final class Variables {
    private static final Set<String> READ_ONLY = Set.of("uri", "document_uri", "request_uri", "host", "hostname",
            "query_string", "remote_addr", "remote_port", "server_addr", "server_port", "server_name",
            "server_protocol", "scheme", "request_method", "request_length", "request_time", "status",
            "body_bytes_sent", "bytes_sent", "content_length", "content_type", "document_root", "is_args", "msec",
            "time_local", "time_iso8601", "connection", "connection_requests", "request_id", "request_filename",
            "realpath_root", "nginx_version", "pid");
    private static final Set<String> WRITABLE = Set.of("args", "limit_rate");
    private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter TIME_LOCAL =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private final Clock clock;
    private final Set<String> declared;

    /** declared: the names of every variable the conf declares with set (so they exist before being set). */
    public Variables(Clock clock, Set<String> declared) {
        this.clock = clock;
        this.declared = Set.copyOf(declared);
    }

    public boolean exists(HttpRequestState r, String name) {
        return READ_ONLY.contains(name) || io.jresty.server.proxy.UpstreamVariables.NAMES.contains(name) || WRITABLE.contains(name) || declared.contains(name)
                || r.userVariables().containsKey(name) || name.startsWith("arg_") || name.startsWith("http_")
                || name.startsWith("cookie_") || name.startsWith("sent_http_") || isDigits(name);
    }

    public String set(HttpRequestState r, String name, String value) {
        if (name.equals("args")) {
            r.args(value);
            return null;
        }
        if (declared.contains(name) || r.userVariables().containsKey(name)) {
            r.userVariables().put(name, value);
            return null;
        }
        if (READ_ONLY.contains(name) || io.jresty.server.proxy.UpstreamVariables.NAMES.contains(name)
                || name.startsWith("arg_") || name.startsWith("http_")
                || name.startsWith("cookie_") || name.startsWith("sent_http_") || isDigits(name)) {
            return "variable \"" + name + "\" not changeable";
        }
        return "variable \"" + name + "\" not found for writing; maybe it is a built-in variable that is not "
                + "changeable or you forgot to use \"set $" + name + " '';\" in the config file to define it first";
    }

    public String get(HttpRequestState r, String name) {
        if (r.userVariables().containsKey(name)) {
            return r.userVariables().get(name);
        }
        VariableName v = VariableName.of(name);
        if (v.family() == VariableName.Family.CAPTURE) {
            return capture(r.captures(), v.number());
        }
        if (r.captures() != null && r.captures().namedGroups().containsKey(name)) {
            return r.captures().group(name);
        }
        switch (v.family()) {
            case ARG -> {
                return QueryValue.of(r.args(), v.suffix());
            }
            case HTTP -> {
                return r.requestHeader(v.suffix());
            }
            case SENT_HTTP -> {
                return r.responseHeaders().first(v.suffix());
            }
            case COOKIE -> {
                return CookieValue.of(r.requestHeader("Cookie"), v.suffix());
            }
            case UPSTREAM -> {
                return io.jresty.server.proxy.UpstreamVariables.value(r, name);
            }
            default -> {
            }
        }
        return builtIn(r, name);
    }

    private String builtIn(HttpRequestState r, String name) {
        return switch (name) {
            case "uri", "document_uri" -> r.uri();
            case "request_uri" -> r.requestUri();
            case "args", "query_string" -> r.args();
            case "is_args" -> r.args() == null || r.args().isEmpty() ? "" : "?";
            case "host" -> r.host();
            case "hostname" -> Hostname.NAME;
            case "remote_addr" -> r.exchange().getSourceAddress().getAddress().getHostAddress();
            case "remote_port" -> String.valueOf(r.exchange().getSourceAddress().getPort());
            case "server_addr" -> r.exchange().getDestinationAddress().getAddress().getHostAddress();
            case "server_port" -> String.valueOf(r.exchange().getDestinationAddress().getPort());
            case "server_name" -> r.server().primaryName();
            case "server_protocol" -> r.protocol();
            case "scheme" -> r.exchange().getRequestScheme();
            case "request_method" -> r.requestMethod();
            case "request_length" -> String.valueOf(requestLength(r));
            case "request_time" -> String.format(Locale.ROOT, "%.3f", clock.millis() / 1000.0 - r.startTime());
            case "status" -> String.format(Locale.ROOT, "%03d", r.status());
            case "body_bytes_sent" -> String.valueOf(r.bodyBytesSent());
            case "bytes_sent" -> String.valueOf(r.bodyBytesSent() + headerBytes(r));
            case "content_length" -> r.requestHeader("Content-Length");
            case "content_type" -> r.requestHeader("Content-Type");
            case "document_root" -> r.location() == null ? null : r.location().settings().root().toString();
            case "request_filename" -> r.location() == null ? null : r.location().settings().root() + r.uri();
            case "msec" -> String.format(Locale.ROOT, "%.3f", clock.millis() / 1000.0);
            case "time_local" -> ZonedDateTime.now(clock).format(TIME_LOCAL);
            case "time_iso8601" -> ZonedDateTime.now(clock).format(ISO8601);
            case "connection" -> String.valueOf(r.connectionId());
            case "connection_requests" -> String.valueOf(r.connectionRequests());
            case "request_id" -> requestId();
            case "nginx_version" -> "1.22.1";
            case "pid" -> String.valueOf(ProcessHandle.current().pid());
            // a `set` variable this request never set reads empty (nginx's uninitialized variable)
            default -> declared.contains(name) ? "" : null;
        };
    }

    /** The response header block's size, as nginx counts it into $bytes_sent. */
    private static long headerBytes(HttpRequestState r) {
        long n = "HTTP/1.1 200 OK\r\nServer: jresty\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n".length();
        for (var h : r.responseHeaders().all().entrySet()) {
            for (String v : h.getValue()) {
                n += h.getKey().length() + v.length() + 4;
            }
        }
        return n;
    }

    private static long requestLength(HttpRequestState r) {
        long n = r.method().length() + r.requestUri().length() + r.protocol().length() + 4;
        for (var h : r.requestHeaders()) {
            n += h.getKey().length() + h.getValue().length() + 4;
        }
        // nginx counts the body too once it was read
        String length = r.requestHeader("Content-Length");
        long body = 0;
        if (r.bodyRead() && length != null) {
            try {
                body = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                body = 0;
            }
        }
        return n + 2 + body;
    }

    private static String requestId() {
        UUID u = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
        return u.toString().replace("-", "");
    }

    private static String capture(Matcher m, int group) {
        if (m == null || group > m.groupCount()) {
            return null;
        }
        return m.group(group);
    }

    private static boolean isDigits(String s) {
        return VariableName.isDigits(s);
    }

    /** Machine host name for $hostname. */
    private static final class Hostname {
        static final String NAME = read();

        private static String read() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }
    }
}
