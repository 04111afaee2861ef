package io.jresty.server.http;

/**
 * The per-location settings the request-facing ngx API obeys, inherited like the others.
 *
 * @param bodyBufferSize       client_body_buffer_size: larger bodies go to a temp file
 * @param needRequestBody      lua_need_request_body: read the body before rewrite/access/content Lua
 * @param transformUnderscores lua_transform_underscores_in_response_headers
 * @param checkClientAbort     lua_check_client_abort
 * @param errorLogLevel        the level word of this level's error_log, or null to use the main one
 */
public record RequestConf(long bodyBufferSize, boolean needRequestBody, boolean transformUnderscores,
        boolean checkClientAbort, String errorLogLevel) {
    /** nginx's defaults on 64-bit Linux (client_body_buffer_size is two 8k pages). */
    public static final RequestConf DEFAULT = new RequestConf(16 * 1024, false, true, false, null);

    RequestConf withBodyBufferSize(long size) {
        return new RequestConf(size, needRequestBody, transformUnderscores, checkClientAbort, errorLogLevel);
    }

    RequestConf withNeedRequestBody(boolean on) {
        return new RequestConf(bodyBufferSize, on, transformUnderscores, checkClientAbort, errorLogLevel);
    }

    RequestConf withTransformUnderscores(boolean on) {
        return new RequestConf(bodyBufferSize, needRequestBody, on, checkClientAbort, errorLogLevel);
    }

    RequestConf withCheckClientAbort(boolean on) {
        return new RequestConf(bodyBufferSize, needRequestBody, transformUnderscores, on, errorLogLevel);
    }

    RequestConf withErrorLogLevel(String level) {
        return new RequestConf(bodyBufferSize, needRequestBody, transformUnderscores, checkClientAbort, level);
    }
}
