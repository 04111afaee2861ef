package io.jresty.server.request;

/** Where a request's output goes through header_filter and body_filter (the pipeline implements it). */
public interface ResponseFilters {
    /** Runs before the headers go out: add_header, default type, header_filter_by_lua. */
    void headerFilter(HttpRequestState request);

    /** Runs on each body chunk (and the final eof call); returns what to send, or null for nothing. */
    byte[] bodyFilter(HttpRequestState request, byte[] chunk, boolean eof);
}
