package io.jresty.core.dynacode;

/** What one fetch of the plugin document gave. */
sealed interface FetchOutcome {

    /** A 200 (or a file read): the body, with the validators to send next time. */
    record Fetched(byte[] body, String etag, String lastModified) implements FetchOutcome {}

    /** A 304: the document we hold is still current. */
    record NotModified() implements FetchOutcome {}

    /** No usable document; event is dynacode's generic or status-code error, err its log text. */
    record Failed(DynacodeEvent event, String err) implements FetchOutcome {}
}
