package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.request.NgxRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The cosockets a request connected, kept in its attributes so that the end of the
 * request closes those still open (nginx's cleanup handler does the same); pooled ones
 * were handed to their pool already and are left alone.
 */
final class RequestSockets implements AutoCloseable {
    private final List<Runnable> closers = new ArrayList<>();

    static void track(NgxContext ctx, Runnable closer) {
        NgxRequest r = ctx == null ? null : ctx.request();
        if (r == null) {
            return;
        }
        RequestSockets sockets = (RequestSockets) r.attributes().computeIfAbsent(RequestSockets.class,
                k -> new RequestSockets());
        sockets.closers.add(closer);
    }

    static void closeAll(NgxRequest r) {
        if (r.attributes().remove(RequestSockets.class) instanceof RequestSockets sockets) {
            sockets.close();
        }
    }

    @Override
    public void close() {
        closers.forEach(Runnable::run);
        closers.clear();
    }
}
