package io.jresty.server.pipeline;

/** How a phase handler ended, and so what the pipeline does next. */
sealed interface Outcome {
    /** Go on to the next phase (ngx.OK, ngx.DECLINED, or the handler simply returned). */
    record Next() implements Outcome {}

    /** Finish the request with this status (0 keeps what the response has). */
    record Finish(int status) implements Outcome {}

    /** Internal redirect (ngx.exec, rewrite ... last, error_page), uri may be a named location. */
    record Redirect(String uri, String args, boolean reSearchOnly) implements Outcome {}

    Outcome NEXT = new Next();
}
