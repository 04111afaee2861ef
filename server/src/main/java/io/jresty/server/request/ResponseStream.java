package io.jresty.server.request;

/**
 * Puts part of a response on the wire before the request ends (ngx.flush, or a body past
 * the buffer): the status and headers go out first, then each pushed chunk. The server
 * implements it; a request that never pushes is written whole at the end instead.
 */
public interface ResponseStream {
    /**
     * Commits the headers if not yet done and hands the chunk over for the client; with wait,
     * returns only once it is written (ngx.flush(true)), else at once, as nginx's output does.
     * Returns null, or why the output failed: "nginx output filter error" or "timeout".
     */
    String push(HttpRequestState r, byte[] chunk, boolean wait);

    /** Writes the last bytes and ends the body (the final chunk). */
    void end(HttpRequestState r, byte[] rest);
}
