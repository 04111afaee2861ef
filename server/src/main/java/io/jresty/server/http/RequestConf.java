package io.jresty.server.http;

import io.jresty.ngx.socket.SocketDefaults;

/**
 * The per-location settings the request-facing ngx API obeys, inherited like the others.
 *
 * @param bodyBufferSize       client_body_buffer_size: larger bodies go to a temp file
 * @param needRequestBody      lua_need_request_body: read the body before rewrite/access/content Lua
 * @param transformUnderscores lua_transform_underscores_in_response_headers
 * @param checkClientAbort     lua_check_client_abort
 * @param errorLogLevel        the level word of this level's error_log, or null to use the main one
 * @param socket               lua_socket_* timeouts, pool size and error logging for cosockets
 */
public record RequestConf(long bodyBufferSize, boolean needRequestBody, boolean transformUnderscores,
        boolean checkClientAbort, String errorLogLevel, SocketDefaults socket) {
    /** nginx's defaults on 64-bit Linux (client_body_buffer_size is two 8k pages). */
    public static final RequestConf DEFAULT =
            new RequestConf(16 * 1024, false, true, false, null, SocketDefaults.NGINX);

    RequestConf withBodyBufferSize(long size) {
        return new RequestConf(size, needRequestBody, transformUnderscores, checkClientAbort, errorLogLevel, socket);
    }

    RequestConf withNeedRequestBody(boolean on) {
        return new RequestConf(bodyBufferSize, on, transformUnderscores, checkClientAbort, errorLogLevel, socket);
    }

    RequestConf withTransformUnderscores(boolean on) {
        return new RequestConf(bodyBufferSize, needRequestBody, on, checkClientAbort, errorLogLevel, socket);
    }

    RequestConf withCheckClientAbort(boolean on) {
        return new RequestConf(bodyBufferSize, needRequestBody, transformUnderscores, on, errorLogLevel, socket);
    }

    RequestConf withErrorLogLevel(String level) {
        return new RequestConf(bodyBufferSize, needRequestBody, transformUnderscores, checkClientAbort, level, socket);
    }

    RequestConf withSocket(SocketDefaults defaults) {
        return new RequestConf(bodyBufferSize, needRequestBody, transformUnderscores, checkClientAbort, errorLogLevel,
                defaults);
    }
}
