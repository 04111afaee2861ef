package io.jresty.server.undertow;

import io.jresty.server.request.HttpRequestState;
import io.undertow.server.HttpServerExchange;
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
 * Puts a finished response on the wire. The write goes back to the connection's I/O thread
 * (measured: writing from virtual threads costs throughput and, with pooled direct buffers,
 * memory); an exchange that switched to blocking mode to read a body writes from its own thread.
 */
final class ResponseWriter {
    private ResponseWriter() {}

    static void send(HttpRequestState r) {
        HttpServerExchange ex = r.exchange();
        if (r.status() == 444 || ex.isResponseStarted()) {
            // Undertow itself ended the exchange (a malformed chunked body): nothing to answer
            ex.getIoThread().execute(() -> IoUtils.safeClose(ex.getConnection()));
            return;
        }
        byte[] body = r.output();
        boolean head = ex.getRequestMethod().equalToString("HEAD");
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

    private static void prepare(HttpServerExchange ex, HttpRequestState r, byte[] body) {
        ex.setStatusCode(r.status() == 0 ? 200 : r.status());
        HeaderMap out = ex.getResponseHeaders();
        out.put(Headers.SERVER, "jresty");
        for (Map.Entry<String, List<String>> h : r.responseHeaders().all().entrySet()) {
            out.putAll(HttpString.tryFromString(h.getKey()), h.getValue());
        }
        int status = ex.getStatusCode();
        if (status == 204 || status == 304 || status < 200) {
            out.remove(Headers.CONTENT_LENGTH);
        } else if (!ex.getRequestMethod().equalToString("HEAD") || !out.contains(Headers.CONTENT_LENGTH)) {
            out.put(Headers.CONTENT_LENGTH, body.length);
        }
    }
}
