package io.jresty.server.undertow;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.server.http.ClientLimits;
import io.jresty.server.pipeline.ErrorPages;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingReadTimeoutHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Refuses, on the I/O thread and before any phase runs, the requests nginx refuses while
 * reading the request line and headers: a bad method or version, a request line or header
 * line longer than a large_client_header_buffers buffer, more header than the buffers hold,
 * an unknown Transfer-Encoding. Undertow has parsed the request already; this holds it to
 * nginx's stricter rules and answers with nginx's status and page.
 */
final class RequestLimits implements HttpHandler {
    /** nginx takes at most this many header lines. */
    private static final int MAX_HEADER_LINES = 1000;
    /** The request header is read into a buffer of client_header_buffer_size (1k) first. */
    private static final int FIRST_BUFFER = 1024;

    private final ClientLimits limits;
    private final ErrorLog log;
    private final HttpHandler next;

    RequestLimits(ClientLimits limits, ErrorLog log, HttpHandler next) {
        this.limits = limits;
        this.log = log;
        // client_body_timeout: between two successive reads of the body, as nginx counts it
        this.next = BlockingReadTimeoutHandler.builder()
                .readTimeout(Duration.ofMillis(Math.max(1, limits.bodyTimeoutMillis())))
                .nextHandler(next).build();
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws Exception {
        Refusal refusal = RequestLineRules.check(ex);
        if (refusal == null) {
            refusal = headers(ex);
        }
        if (refusal == null) {
            next.handleRequest(ex);
            return;
        }
        log.log(LogLevel.INFO, "client sent " + refusal.reason() + ", client: "
                + ex.getSourceAddress().getAddress().getHostAddress());
        refuse(ex, refusal.status());
    }

    /** Why and with which status a request is refused (494 is nginx's 400 with its own page). */
    record Refusal(int status, String reason) {}

    /**
     * nginx reads the header into a 1k buffer; when a line does not fit there it moves, whole,
     * to the next large buffer, and a line longer than one large buffer or a header needing
     * more large buffers than there are is refused. This replays that packing over the lines
     * Undertow parsed.
     */
    private Refusal headers(HttpServerExchange ex) {
        Packing packing = new Packing();
        if (!packing.fits(RequestLineRules.length(ex) + 2)) {
            return new Refusal(414, "too long URI while reading client request line");
        }
        int lines = 0;
        for (HeaderValues values : ex.getRequestHeaders()) {
            for (String value : values) {
                lines++;
                if (!packing.fits(values.getHeaderName().length() + 2 + value.length() + 2)) {
                    return new Refusal(494, "too long header line: \"" + values.getHeaderName()
                            + "...\" while reading client request headers");
                }
            }
        }
        if (lines > MAX_HEADER_LINES) {
            return new Refusal(494, "too many header lines while reading client request headers");
        }
        String te = ex.getRequestHeaders().getFirst(Headers.TRANSFER_ENCODING);
        if (te != null && !te.equalsIgnoreCase("chunked")) {
            return new Refusal(501, "unknown \"Transfer-Encoding\": \"" + te + "\"");
        }
        return null;
    }

    /** Where the lines so far sit in nginx's header buffers. */
    private final class Packing {
        private long capacity = FIRST_BUFFER;
        private long used;
        private int buffers;

        boolean fits(long line) {
            if (used + line <= capacity) {
                used += line;
                return true;
            }
            buffers++;
            capacity = limits.headerBufferSize();
            used = line;
            return line <= capacity && buffers <= limits.headerBuffers();
        }
    }

    private static void refuse(HttpServerExchange ex, int status) {
        byte[] page = status == 494 ? headerTooLargePage() : ErrorPages.page(status);
        ex.setStatusCode(status == 494 ? 400 : status);
        if (!ex.getProtocol().equals(Protocols.HTTP_1_0)) {
            ex.setProtocol(Protocols.HTTP_1_1);
        }
        // nginx closes the connection after refusing a request it could not read
        ex.setPersistent(false);
        ex.getResponseHeaders().put(Headers.SERVER, "jresty");
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html");
        ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, page.length);
        ex.getResponseSender().send(ByteBuffer.wrap(page));
    }

    private static byte[] headerTooLargePage() {
        String html = "<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n"
                + "<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n"
                + "<hr><center>jresty</center>\r\n</body>\r\n</html>\r\n";
        return html.getBytes(StandardCharsets.US_ASCII);
    }
}
