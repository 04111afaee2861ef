package io.jresty.server.request;

import io.jresty.ngx.control.NgxExit;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.xnio.channels.ReadTimeoutException;

/**
 * Reading a request body as nginx does: held to client_max_body_size while it arrives (a chunked
 * body declares no length up front), and a failure ends the request with nginx's status.
 */
final class BodyLimit {
    private BodyLimit() {}

    /** The whole body; a failure ends the request (413, 400, or closed as nginx's 444). */
    static byte[] readAll(HttpServerExchange exchange, long max) {
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        // not closed on failure: closing drains the rest of the body, which a client past the
        // limit may never end; the connection closes after the answer instead
        InputStream in = exchange.getInputStream();
        try {
            byte[] all = read(in, max);
            in.close();
            return all;
        } catch (IOException e) {
            // the rest of the body is never read: the request side ends here, so the exchange
            // completes once the answer is out and the connection closes after it
            exchange.setPersistent(false);
            Connectors.terminateRequest(exchange);
            throw NgxExit.exit(failureStatus(e, exchange.getConnection().isOpen()));
        }
    }

    /** The whole body; past max bytes (0 = no limit) a RequestTooBigException, nothing more read. */
    static byte[] read(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n = next(in, chunk); n >= 0; n = next(in, chunk)) {
            total += n;
            if (max > 0 && total > max) {
                throw new RequestTooBigException("client intended to send too large chunked body: " + total
                        + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static int next(InputStream in, byte[] chunk) throws IOException {
        try {
            return in.read(chunk);
        } catch (IllegalStateException | NullPointerException e) {
            // Undertow's blocking stream trips over its released buffer once the connection
            // was closed under a waiting read (a read timeout closes it from the I/O thread)
            throw new IOException("connection closed while reading the request body", e);
        }
    }

    /**
     * With the connection already closed (Undertow closes it on a read timeout) nothing can be
     * answered: the request ends as nginx's 444. Otherwise past client_max_body_size 413; a
     * stalled client (client_body_timeout) is closed without an answer, as nginx terminates a
     * request on its 408; anything else (a malformed chunk, which the server's chunked decoder
     * reports with the connection still open, a client gone mid-body) 400.
     */
    static int failureStatus(IOException e, boolean connectionOpen) {
        if (!connectionOpen) {
            return 444;
        }
        if (e instanceof RequestTooBigException) {
            return 413;
        }
        if (e instanceof ReadTimeoutException) {
            return 444;
        }
        return 400;
    }
}
