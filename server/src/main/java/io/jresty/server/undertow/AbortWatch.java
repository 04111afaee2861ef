package io.jresty.server.undertow;

import io.jresty.server.request.ClientAbort;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Notices a client closing its connection while the request is served, as nginx's
 * recv(MSG_PEEK) check does: once the request body is all read, a read on the socket that
 * ends the stream (or fails) is the client going away. Bytes that arrive instead (a pipelined
 * request) are pushed back for Undertow's parser and the watch ends, since Java cannot peek.
 * Everything that touches the connection runs on its I/O thread.
 */
final class AbortWatch implements ClientAbort.Watch {
    /** The watch of the connection's current request, for the one close listener per connection. */
    private static final AttachmentKey<AbortWatch[]> CURRENT = AttachmentKey.create(AbortWatch[].class);

    private static final long STOP_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final HttpServerExchange exchange;
    private final ClientAbort abort;
    private final ConduitStreamSourceChannel channel;
    /** Set by the request's thread: a stop has something to undo only after a start. */
    private volatile boolean started;
    /** Only on the I/O thread. */
    private boolean watching;

    AbortWatch(HttpServerExchange exchange, ClientAbort abort) {
        this.exchange = exchange;
        this.abort = abort;
        this.channel = ((AbstractServerConnection) exchange.getConnection()).getChannel().getSourceChannel();
    }

    @Override
    public void start(boolean bodyRead) {
        started = true;
        exchange.getIoThread().execute(() -> watch(bodyRead));
    }

    @Override
    public void stop() {
        if (!started) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        exchange.getIoThread().execute(() -> {
            unwatch();
            done.countDown();
        });
        // an abort's stop may have interrupted this thread: the wait must end all the same, but
        // not forever (an I/O thread that no longer runs tasks, at shutdown)
        boolean interrupted = false;
        long deadline = System.nanoTime() + STOP_WAIT_NANOS;
        while (true) {
            try {
                done.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch(boolean bodyRead) {
        AbstractServerConnection c = (AbstractServerConnection) exchange.getConnection();
        // a body still to read, or a pipelined request already read: nginx's peek would see data
        if (watching || !(bodyRead || exchange.isRequestComplete()) || c.getExtraBytes() != null || !c.isOpen()) {
            return;
        }
        AbortWatch[] current = c.getAttachment(CURRENT);
        if (current == null) {
            AbortWatch[] slot = {this};
            c.putAttachment(CURRENT, slot);
            c.addCloseListener(connection -> {
                AbortWatch w = slot[0];
                if (w != null && w.watching) {
                    w.watching = false;
                    w.abort.closed();
                }
            });
        } else {
            current[0] = this;
        }
        watching = true;
        // straight on the socket's conduit: the request's own conduits end with its body
        StreamSourceConduit source = c.getOriginalSourceConduit();
        ReadReadyHandler undertows = new ReadReadyHandler.ChannelListenerHandler<>(channel);
        source.setReadReadyHandler(new ReadReadyHandler() {
            @Override
            public void readReady() {
                readable(c);
            }

            @Override
            public void forceTermination() {
                undertows.forceTermination();
            }

            @Override
            public void terminated() {
                undertows.terminated();
            }
        });
        source.resumeReads();
    }

    private void unwatch() {
        if (!watching) {
            return;
        }
        watching = false;
        StreamSourceConduit source = ((AbstractServerConnection) exchange.getConnection()).getOriginalSourceConduit();
        source.suspendReads();
        // readiness goes to the connection's channel again, where Undertow waits for the next request
        source.setReadReadyHandler(new ReadReadyHandler.ChannelListenerHandler<>(channel));
    }

    private void readable(AbstractServerConnection c) {
        if (!watching) {
            return;
        }
        PooledByteBuffer pooled = c.getByteBufferPool().allocate();
        boolean kept = false;
        try {
            int n = c.getOriginalSourceConduit().read(pooled.getBuffer());
            if (n == 0) {
                return;
            }
            unwatch();
            if (n > 0 && c instanceof HttpServerConnection http) {
                pooled.getBuffer().flip();
                http.ungetRequestBytes(pooled);
                kept = true;
                return;
            }
            abort.closed();
        } catch (IOException e) {
            unwatch();
            abort.closed();
        } finally {
            if (!kept) {
                pooled.close();
            }
        }
    }
}
