package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;

/**
 * Writes the error-log lines lua-nginx-module writes for socket failures (when
 * lua_socket_log_errors is on), with the request's tail or the timer's context.
 */
final class SocketLog {
    private SocketLog() {}

    static void error(NgxEnvironment env, NgxContext ctx, String message) {
        if (!SocketDefaults.of(ctx).logErrors()) {
            return;
        }
        if (ctx != null && ctx.request() != null) {
            env.errorLog().log(LogLevel.ERR, ctx.request().connectionId(), message, RequestSuffix.of(ctx.request()));
        } else {
            env.errorLog().log(LogLevel.ERR, 0, message, ctx == null ? null : ", context: ngx.timer");
        }
    }
}
