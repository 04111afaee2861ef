package io.jresty.server.undertow;

import io.jresty.server.http.ClientLimits;
import io.jresty.server.http.HttpBlock;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.xnio.Options;

/**
 * nginx's client timeouts, header limits and worker_connections as the Undertow and XNIO
 * options that come closest: what a slow or oversized client meets before any handler runs.
 */
final class ListenerOptions {
    private ListenerOptions() {}

    static Undertow.Builder apply(Undertow.Builder builder, HttpBlock http) {
        ClientLimits client = http.client();
        // a request line or header longer than a buffer is answered by RequestLimits with nginx's
        // status; Undertow's own limit (a bare 400) only stops what is far past that
        long headerBytes = client.headerBytes() * 2;
        builder.setServerOption(UndertowOptions.MAX_HEADER_SIZE, (int) Math.min(Integer.MAX_VALUE, headerBytes))
                // RequestLimits refuses past nginx's 1000 lines with nginx's page; this only backstops
                .setServerOption(UndertowOptions.MAX_HEADERS, (int) Math.min(Integer.MAX_VALUE, headerBytes / 4))
                // HTTP/3.0 and later reach RequestLimits for nginx's 505 (HTTP/2.0 Undertow still refuses
                // itself, with its bare 400); HTTP/1.2 and later minors are served as nginx serves them
                .setServerOption(UndertowOptions.ALLOW_UNKNOWN_PROTOCOLS, true)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(client.headerTimeoutMillis()))
                // client_body_timeout is RequestLimits' BlockingReadTimeoutHandler: XNIO's READ_TIMEOUT
                // would also close an idle keep-alive connection once it passed
                .setSocketOption(Options.WRITE_TIMEOUT, millis(client.sendTimeoutMillis()));
        // one idle timeout for both the wait for a first request (nginx: client_header_timeout)
        // and between requests (keepalive_timeout); 0 would mean none, so 0 takes the former
        long idle = http.keepaliveTimeoutMillis() == 0 ? client.headerTimeoutMillis() : http.keepaliveTimeoutMillis();
        builder.setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(idle));
        // XNIO stops accepting at the high-water mark: the extra connections wait in the
        // listen backlog instead of taking memory and threads from the accepted ones
        long connections = (long) http.workerConnections() * http.workerProcesses();
        int limit = (int) Math.min(Integer.MAX_VALUE, connections);
        return builder.setSocketOption(Options.CONNECTION_HIGH_WATER, limit)
                .setSocketOption(Options.CONNECTION_LOW_WATER, limit);
    }

    private static int millis(long value) {
        return (int) Math.clamp(value, 1, Integer.MAX_VALUE);
    }
}
