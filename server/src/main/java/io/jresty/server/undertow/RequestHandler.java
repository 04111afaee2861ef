package io.jresty.server.undertow;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.server.location.ServerSelector;
import io.jresty.server.pipeline.RequestPipeline;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.Variables;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The root handler of one listening socket: picks the server block on the I/O thread, then
 * hands the request to a virtual thread where its phases run (one hop per request).
 */
final class RequestHandler implements HttpHandler {
    private static final AttachmentKey<Long> CONNECTION_ID = AttachmentKey.create(Long.class);
    private static final AtomicLong CONNECTIONS = new AtomicLong();
    /** Requests served so far on a connection, for $connection_requests. */
    private static final AttachmentKey<java.util.concurrent.atomic.AtomicLong> REQUESTS =
            AttachmentKey.create(java.util.concurrent.atomic.AtomicLong.class);

    private final ServerSelector servers;
    private final RequestPipeline pipeline;
    private final Variables variables;
    private final ErrorLog log;
    private final java.util.concurrent.CountDownLatch ready;

    RequestHandler(ServerSelector servers, RequestPipeline pipeline, Variables variables, ErrorLog log,
            java.util.concurrent.CountDownLatch ready) {
        this.servers = servers;
        this.pipeline = pipeline;
        this.variables = variables;
        this.log = log;
        this.ready = ready;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        Long id = ex.getConnection().getAttachment(CONNECTION_ID);
        if (id == null) {
            id = CONNECTIONS.incrementAndGet();
            ex.getConnection().putAttachment(CONNECTION_ID, id);
        }
        long connection = id;
        AtomicLong requests = ex.getConnection().getAttachment(REQUESTS);
        if (requests == null) {
            requests = new AtomicLong();
            ex.getConnection().putAttachment(REQUESTS, requests);
        }
        long number = requests.incrementAndGet();
        byte[] head = takeHead(ex);
        ChunkedRequestBody.install(ex, log);
        ex.dispatch(VirtualThreads.requests(), () -> serve(ex, connection, number, head));
    }

    /**
     * The request head as the client sent it, taken on the thread that parsed it, before
     * anything reads the body; the recorder starts on the next head when this exchange ends.
     */
    private static byte[] takeHead(HttpServerExchange ex) {
        HeadRecorder recorder = HeadRecording.of(ex);
        if (recorder == null) {
            return null;
        }
        AbstractServerConnection c = (AbstractServerConnection) ex.getConnection();
        PooledByteBuffer extra = c.getExtraBytes();
        byte[] head = recorder.takeHead(extra == null ? 0 : extra.getBuffer().remaining());
        ex.addExchangeCompleteListener((exchange, next) -> {
            PooledByteBuffer ahead = c.getExtraBytes();
            recorder.rearm(ahead == null ? null : ahead.getBuffer());
            next.proceed();
        });
        return head;
    }

    private void serve(HttpServerExchange ex, long connection, long number, byte[] head) {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        HttpRequestState r;
        try {
            r = new HttpRequestState(ex, connection,
                    servers.select(ex.getRequestHeaders().getFirst(Headers.HOST)), variables, head);
            r.connectionRequests(number);
            r.clientAbort().watch(new AbortWatch(ex, r.clientAbort()), log);
            r.stream(ResponseWriter.STREAM);
        } catch (RuntimeException e) {
            log.log(LogLevel.ALERT, connection, "cannot read the request: " + e, null);
            ex.getIoThread().execute(() -> {
                ex.setStatusCode(400);
                ex.endExchange();
            });
            return;
        }
        try {
            pipeline.process(r);
        } catch (Throwable e) {
            // whatever went wrong, the client gets an answer and the exchange ends (a request that
            // never ends would also hold a graceful stop for its whole grace period)
            log.log(LogLevel.ALERT, connection, "unexpected failure while serving a request: " + e, null);
            if (r.streaming()) {
                r.closeConnection();
            }
            r.resetResponse();
            r.status(500);
        }
        try {
            ResponseWriter.send(r);
        } catch (Throwable e) {
            log.log(LogLevel.ALERT, connection, "the response could not be written: " + e, null);
            ex.getIoThread().execute(() -> org.xnio.IoUtils.safeClose(ex.getConnection()));
        }
        try {
            pipeline.logPhase(r);
        } catch (Throwable e) {
            log.log(LogLevel.ERR, connection, "log phase failed: " + e, null);
        } finally {
            r.cleanup();
        }
    }
}
