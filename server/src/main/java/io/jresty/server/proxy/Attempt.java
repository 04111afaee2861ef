package io.jresty.server.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One try of a request against one peer: connect (or take a kept connection), send the head
 * and body, read the response head. Failures come back as values in nginx's words, with the
 * proxy_next_upstream condition they match.
 */
final class Attempt {
    private static final ScheduledExecutorService SEND_TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("proxy-send-timeout").factory());

    /** Bytes a write to a fresh or idle loopback/LAN connection takes without blocking (socket buffers). */
    private static final int UNBLOCKED_WRITE = 64 * 1024;

    private Attempt() {}

    /** How a try ended. */
    sealed interface Result permits Response, Failure {}

    /** The upstream answered; the body is still to be read from the connection. */
    record Response(ResponseHead head, UpstreamConnection connection) implements Result {}

    /** The try failed before a response head arrived. */
    record Failure(ProxyConf.NextUpstream kind, String message, boolean sent) implements Result {
        Failure(ProxyConf.NextUpstream kind, String message) {
            this(kind, message, false);
        }

        boolean timeout() {
            return kind == ProxyConf.NextUpstream.TIMEOUT;
        }
    }

    /** Timeouts of one try, in ms (balancer_by_lua may change them per try). */
    record Timeouts(long connect, long send, long read) {}

    static Result run(KeepalivePool.Key key, KeepalivePool pool, long now, UpstreamRequest.Head head, byte[] body,
            Timeouts timeouts) {
        InetSocketAddress address = key.address();
        UpstreamConnection kept = pool.take(key, now);
        if (kept != null) {
            Result r = exchange(kept, head, body, timeouts);
            // a kept connection the peer closed meanwhile: nginx tries a fresh one, not the next peer
            if (!(r instanceof Failure f && f.kind == ProxyConf.NextUpstream.ERROR)) {
                return r;
            }
        }
        UpstreamConnection c;
        try {
            c = key.tls() == null ? UpstreamConnection.open(address, timeouts.connect())
                    : UpstreamConnection.open(address, timeouts.connect(), key.tls());
        } catch (UpstreamConnection.TlsHandshakeException e) {
            return handshakeFailure(e.getCause());
        } catch (SocketTimeoutException e) {
            return new Failure(ProxyConf.NextUpstream.TIMEOUT,
                    "upstream timed out (110: Connection timed out) while connecting to upstream");
        } catch (ConnectException e) {
            return new Failure(ProxyConf.NextUpstream.ERROR,
                    "connect() failed (111: Connection refused) while connecting to upstream");
        } catch (IOException e) {
            return new Failure(ProxyConf.NextUpstream.ERROR,
                    "connect() failed (" + e.getMessage() + ") while connecting to upstream");
        }
        return exchange(c, head, body, timeouts);
    }

    /** nginx's words for a TLS handshake that failed or a certificate it refused. */
    private static Failure handshakeFailure(Throwable e) {
        if (e instanceof SocketTimeoutException) {
            return new Failure(ProxyConf.NextUpstream.TIMEOUT,
                    "upstream timed out (110: Connection timed out) while SSL handshaking to upstream");
        }
        if (e instanceof UpstreamTls.Failure) {
            return new Failure(ProxyConf.NextUpstream.ERROR, e.getMessage() + " while SSL handshaking to upstream");
        }
        return new Failure(ProxyConf.NextUpstream.ERROR,
                "SSL_do_handshake() failed (SSL: " + e.getMessage() + ") while SSL handshaking to upstream");
    }

    /** Stops the send deadline; true when it already fired (then the socket is closed). */
    private static boolean timedOut(ScheduledFuture<?> deadline, AtomicBoolean fired) {
        if (deadline == null) {
            return false;
        }
        deadline.cancel(false);
        return fired.get();
    }

    private static Result exchange(UpstreamConnection c, UpstreamRequest.Head head, byte[] body, Timeouts timeouts) {
        // a blocking socket write has no timeout in java.net: proxy_send_timeout closes the socket instead.
        // A request that fits the kernel's socket buffers never blocks on a fresh or idle connection, so only
        // larger ones pay for arming the timer (one timer-thread wakeup per request showed in throughput)
        long size = head.bytes().length + (body == null ? 0 : body.length);
        // fired is set before the close, so a write that fails from that close sees it (a running task can
        // still be cancelled, so cancel() alone cannot tell)
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> deadline = size <= UNBLOCKED_WRITE ? null : SEND_TIMER.schedule(() -> {
            fired.set(true);
            c.close();
        }, Math.max(1, timeouts.send()), TimeUnit.MILLISECONDS);
        try {
            c.out().write(head.bytes());
            if (body != null) {
                c.out().write(body);
            }
            c.out().flush();
        } catch (IOException e) {
            c.close();
            if (timedOut(deadline, fired)) {
                return new Failure(ProxyConf.NextUpstream.TIMEOUT,
                        "upstream timed out (110: Connection timed out) while sending request to upstream");
            }
            return new Failure(ProxyConf.NextUpstream.ERROR, "send() failed (" + e.getMessage()
                    + ") while sending request to upstream");
        }
        if (timedOut(deadline, fired)) {
            return new Failure(ProxyConf.NextUpstream.TIMEOUT,
                    "upstream timed out (110: Connection timed out) while sending request to upstream");
        }
        try {
            c.readTimeout(timeouts.read());
            return new Response(ResponseHead.read(c.in()), c);
        } catch (SocketTimeoutException e) {
            c.close();
            return new Failure(ProxyConf.NextUpstream.TIMEOUT,
                    "upstream timed out (110: Connection timed out) while reading response header from upstream",
                    true);
        } catch (ResponseHead.InvalidHeader e) {
            c.close();
            return new Failure(ProxyConf.NextUpstream.INVALID_HEADER,
                    e.getMessage() + " while reading response header from upstream", true);
        } catch (EOFException e) {
            c.close();
            return new Failure(ProxyConf.NextUpstream.ERROR,
                    "upstream prematurely closed connection while reading response header from upstream", true);
        } catch (IOException e) {
            c.close();
            return new Failure(ProxyConf.NextUpstream.ERROR,
                    "recv() failed (" + e.getMessage() + ") while reading response header from upstream", true);
        }
    }
}
