package io.jresty.server.http;

import io.jresty.server.conf.ConfDirective;
import java.util.List;

/**
 * What the http block allows a client: how long it may take to send the request header and
 * body, how long it may leave a response unread, and how large its request line and header
 * lines may be (large_client_header_buffers). Read at the http level only: the listeners are
 * shared by the servers on a socket, so a server-level value has no single place to apply.
 *
 * @param headerTimeoutMillis client_header_timeout
 * @param bodyTimeoutMillis   client_body_timeout
 * @param sendTimeoutMillis   send_timeout
 * @param headerBuffers       large_client_header_buffers number
 * @param headerBufferSize    large_client_header_buffers size: the longest request line or header line
 */
public record ClientLimits(
        long headerTimeoutMillis,
        long bodyTimeoutMillis,
        long sendTimeoutMillis,
        int headerBuffers,
        int headerBufferSize) {

    /** nginx's defaults: 60s, 60s, 60s, 4 8k. */
    public static final ClientLimits DEFAULTS = new ClientLimits(60_000, 60_000, 60_000, 4, 8 * 1024);

    /** All the request line and header lines together may fill this many bytes. */
    public long headerBytes() {
        return (long) headerBuffers * headerBufferSize;
    }

    /** The limits one level of the conf sets, over the ones it inherited. */
    static ClientLimits of(List<ConfDirective> block, ClientLimits inherited) {
        ClientLimits c = inherited;
        for (ConfDirective d : block) {
            switch (d.name()) {
                case "client_header_timeout" -> c = new ClientLimits(Sizes.millis(d.arg(0)), c.bodyTimeoutMillis,
                        c.sendTimeoutMillis, c.headerBuffers, c.headerBufferSize);
                case "client_body_timeout" -> c = new ClientLimits(c.headerTimeoutMillis, Sizes.millis(d.arg(0)),
                        c.sendTimeoutMillis, c.headerBuffers, c.headerBufferSize);
                case "send_timeout" -> c = new ClientLimits(c.headerTimeoutMillis, c.bodyTimeoutMillis,
                        Sizes.millis(d.arg(0)), c.headerBuffers, c.headerBufferSize);
                case "large_client_header_buffers" -> c = new ClientLimits(c.headerTimeoutMillis,
                        c.bodyTimeoutMillis, c.sendTimeoutMillis, Integer.parseInt(d.arg(0)),
                        (int) Sizes.bytes(d.arg(1)));
                default -> { }
            }
        }
        return c;
    }
}
