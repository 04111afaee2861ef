package io.jresty.server.undertow;

import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.ResponseStream;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.xnio.IoUtils;

/**
 * Puts a response on the wire. The common case is written whole, once, from the connection's
 * I/O thread (measured: writing from virtual threads costs throughput and, with pooled direct
 * buffers, memory). A response that ngx.flush or a large body started early goes out in
 * blocking mode from a writer thread of its own instead ({@link PendingOutput}): headers
 * first, then chunks (chunked encoding on HTTP/1.1 when no Content-Length was set).
 */
final class ResponseWriter {
    /** The early path, shared: a response's own state is its {@link PendingOutput}, kept on the exchange. */
    static final ResponseStream STREAM = new ResponseStream() {
        @Override
        public String push(HttpRequestState r, byte[] chunk, boolean wait) {
            HttpServerExchange ex = r.exchange();
            PendingOutput pending = ex.getAttachment(PENDING);
            if (pending == null) {
                if (!ex.isBlocking()) {
                    ex.startBlocking();
                }
                headers(ex, r);
                HeaderMap out = ex.getResponseHeaders();
                if (!out.contains(Headers.CONTENT_LENGTH) && ex.getProtocol().equalToString("HTTP/1.1")) {
                    // as nginx: chunked even when the client asked to close the connection
                    out.put(Headers.TRANSFER_ENCODING, "chunked");
                }
                pending = new PendingOutput(ex, head(ex));
                ex.putAttachment(PENDING, pending);
            }
            return pending.push(chunk, wait);
        }

        @Override
        public void end(HttpRequestState r, byte[] rest) {
            PendingOutput pending = r.exchange().getAttachment(PENDING);
            if (pending != null) {
                pending.end(rest);
            }
        }
    };

    private static final AttachmentKey<PendingOutput> PENDING = AttachmentKey.create(PendingOutput.class);

    private ResponseWriter() {}

    static void send(HttpRequestState r) {
        HttpServerExchange ex = r.exchange();
        // a streamed response has started by design; otherwise a started response means Undertow
        // itself ended the exchange (a body read that failed under it): nothing to answer
        if (r.closing() || r.status() == 444 || (ex.isResponseStarted() && !r.streaming())) {
            PendingOutput pending = ex.getAttachment(PENDING);
            if (pending != null) {
                pending.abandon();
            }
            ex.getIoThread().execute(() -> IoUtils.safeClose(ex.getConnection()));
            return;
        }
        if (r.streaming()) {
            try {
                r.endStream();
            } catch (RuntimeException e) {
                IoUtils.safeClose(ex.getConnection());
            }
            return;
        }
        byte[] body = r.output();
        boolean head = head(ex);
        if (ex.isBlocking()) {
            prepare(ex, r, body);
            try (OutputStream out = ex.getOutputStream()) {
                if (!head) {
                    out.write(body);
                }
            } catch (IOException e) {
                IoUtils.safeClose(ex.getConnection());
            }
            return;
        }
        ex.getIoThread().execute(() -> {
            prepare(ex, r, body);
            if (head) {
                ex.endExchange();
            } else {
                ex.getResponseSender().send(ByteBuffer.wrap(body));
            }
        });
    }

    private static boolean head(HttpServerExchange ex) {
        return ex.getRequestMethod().equalToString("HEAD");
    }

    private static void prepare(HttpServerExchange ex, HttpRequestState r, byte[] body) {
        headers(ex, r);
        HeaderMap out = ex.getResponseHeaders();
        int status = ex.getStatusCode();
        if (status == 204 || status == 304 || status < 200) {
            out.remove(Headers.CONTENT_LENGTH);
        } else if (!head(ex) || !out.contains(Headers.CONTENT_LENGTH)) {
            out.put(Headers.CONTENT_LENGTH, body.length);
        }
    }

    private static void headers(HttpServerExchange ex, HttpRequestState r) {
        ex.setStatusCode(r.status() == 0 ? 200 : r.status());
        HeaderMap out = ex.getResponseHeaders();
        out.put(Headers.SERVER, "jresty");
        for (Map.Entry<String, List<String>> h : r.responseHeaders().all().entrySet()) {
            // putAll replaces: a Server header set by Lua takes the place of ours, as in nginx
            out.putAll(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        io.jresty.server.pipeline.Redirects.complete(r, out);
        int status = ex.getStatusCode();
        if (status == 204 || status == 304 || status < 200) {
            out.remove(Headers.CONTENT_LENGTH);
        }
    }
}
