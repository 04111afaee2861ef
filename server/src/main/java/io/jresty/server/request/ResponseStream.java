package io.jresty.server.request;

/**
 * Puts part of a response on the wire before the request ends (ngx.flush, or a body past
 * the buffer): the status and headers go out first, then each pushed chunk. The server
 * implements it; a request that never pushes is written whole at the end instead.
 */
public interface ResponseStream {
    /** Commits the headers if not yet done, writes the chunk and flushes it to the client. */
    void push(HttpRequestState r, byte[] chunk);

    /** Writes the last bytes and ends the body (the final chunk). */
    void end(HttpRequestState r, byte[] rest);
}
