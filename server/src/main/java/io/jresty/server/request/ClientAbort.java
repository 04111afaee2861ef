package io.jresty.server.request;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.thread.NgxThread;
import io.jresty.ngx.thread.OnAbort;

/**
 * lua_check_client_abort for one request: while a rewrite, access or content handler runs,
 * the connection is watched for the client's close ({@link Watch}); a close starts the
 * handler's ngx.on_abort callback, or, with none, ends the handler with 499, as
 * lua-nginx-module does. Its lock orders the handler's entry and exit (the request's thread)
 * with the close (the connection's I/O thread).
 */
public final class ClientAbort {
    /** Watches the client's side of the connection; the server implements it over its sockets. */
    public interface Watch {
        /**
         * Starts watching, unless the request may still have body bytes on the socket (bodyRead
         * false and the server does not know better); returns at once.
         */
        void start(boolean bodyRead);

        /** Stops watching; when it returns, the watch has touched the connection for the last time. */
        void stop();
    }

    private final HttpRequestState request;
    private Watch watch;
    private ErrorLog log;
    private NgxContext handler;
    private Thread handlerThread;
    private OnAbort callback;
    private boolean aborted;
    private boolean stopped;
    private boolean delivered;

    ClientAbort(HttpRequestState request) {
        this.request = request;
    }

    /** How the server watches this request's connection, and where the close is logged. */
    public synchronized void watch(Watch watch, ErrorLog log) {
        this.watch = watch;
        this.log = log;
    }

    /** True once the client closed the connection before the response was complete. */
    public synchronized boolean aborted() {
        return aborted;
    }

    /**
     * A Lua handler of the request starts on this thread; true when it is watched (call
     * {@link #leave} when it ends). Only the client's own request, in rewrite, access and
     * content, with lua_check_client_abort on.
     */
    public boolean enter(NgxContext ctx) {
        Phase phase = ctx.phase();
        if (watch == null || request.isSubrequest() || !request.checkClientAbort()
                || (phase != Phase.REWRITE && phase != Phase.ACCESS && phase != Phase.CONTENT)) {
            return false;
        }
        synchronized (this) {
            handler = ctx;
            handlerThread = Thread.currentThread();
            stopped = false;
            if (aborted) {
                if (!delivered) {
                    // the client left between two handlers: this one learns it at once
                    deliver();
                }
                return true;
            }
        }
        watch.start(request.bodyConsumed());
        return true;
    }

    /** The body has just been read: a handler running now can be watched from here on. */
    void bodyConsumed() {
        synchronized (this) {
            if (watch == null || handler == null || aborted) {
                return;
            }
        }
        watch.start(true);
    }

    /** The handler that {@link #enter} watched has ended: its callback and any late stop go with it. */
    public void leave(NgxContext ctx) {
        watch.stop();
        boolean wasStopped;
        synchronized (this) {
            handler = null;
            handlerThread = null;
            callback = null;
            wasStopped = stopped;
        }
        // a stop that came after the handler's last wait left an interrupt and a thread group behind
        NgxThread.abandon(ctx);
        if (wasStopped) {
            Thread.interrupted();
        }
    }

    /** ngx.on_abort: false when the running handler registered one already. */
    synchronized boolean register(OnAbort callback) {
        if (this.callback != null && this.callback.entry() == callback.entry()) {
            return false;
        }
        this.callback = callback;
        return true;
    }

    /** The client closed the connection (called once by the watch, on the I/O thread). */
    public synchronized void closed() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (log != null) {
            log.log(LogLevel.INFO, request.connectionId(), "client prematurely closed connection",
                    RequestSuffix.of(request));
        }
        if (handler != null && !delivered) {
            deliver();
        }
    }

    /** Once per request, to the handler running when the close is seen (or the next one). */
    private void deliver() {
        delivered = true;
        if (callback != null && callback.entry() == handler) {
            callback.start();
        } else {
            stopped = true;
            OnAbort.stop(handler, handlerThread, 499);
        }
    }
}
