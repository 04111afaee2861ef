package io.jresty.ngx.thread;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.ngx.request.NgxRequest;

/**
 * Logs a Lua thread that ended with an error, with the tail nginx gives it: the request's
 * ", client: ..." or, in a timer, ", context: ngx.timer".
 */
public final class AbortLog {
    private AbortLog() {}

    public static void log(NgxEnvironment env, NgxContext ctx, String message) {
        NgxRequest r = ctx.request();
        if (r != null) {
            env.errorLog().log(LogLevel.ERR, r.connectionId(), message, RequestSuffix.of(r));
        } else {
            env.errorLog().log(LogLevel.ERR, 0, message, ", context: " + ctx.phase().contextName());
        }
    }
}
