package io.jresty.server.request;

import java.io.ByteArrayOutputStream;

/**
 * The response body on its way out: buffered, so the common response is written once at the
 * end, until ngx.flush or 64 KB of body start streaming it. Used by the request's own thread.
 */
final class ResponseOutput {
    /** Past this many buffered bytes a body streams out, so a large response is not held whole. */
    private static final int STREAM_THRESHOLD = 64 * 1024;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ResponseStream stream;
    private boolean streaming;
    private long bodyBytesSent;

    void stream(ResponseStream stream) {
        this.stream = stream;
    }

    boolean streaming() {
        return streaming;
    }

    long bodyBytesSent() {
        return bodyBytesSent;
    }

    byte[] buffered() {
        return buffer.toByteArray();
    }

    /** Drops the body so far (internal redirect, error page). */
    void reset() {
        buffer.reset();
        bodyBytesSent = 0;
    }

    /** Adds body bytes; true when the buffer grew past the threshold and should be pushed. */
    boolean append(byte[] bytes) {
        buffer.writeBytes(bytes);
        bodyBytesSent += bytes.length;
        return buffer.size() > STREAM_THRESHOLD;
    }

    /** Sends what is buffered now (headers first, the first time); with wait, until it is written. */
    String push(HttpRequestState r, boolean wait) {
        if (stream == null) {
            return null;
        }
        byte[] chunk = buffer.toByteArray();
        buffer.reset();
        streaming = true;
        return WorkerWait.call(() -> stream.push(r, chunk, wait));
    }

    /** Ends a streamed response with what is still buffered. */
    void end(HttpRequestState r) {
        byte[] rest = buffer.toByteArray();
        buffer.reset();
        stream.end(r, rest);
    }
}
