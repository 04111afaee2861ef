package io.jresty.ngx.api;

import org.luaj.vm2.LuaError;

/**
 * An error raised by an ngx API function. lua-resty-core implements most of the API in Lua
 * and raises with error(msg, 2), so the message carries the caller's chunk:line, as
 * {@code content_by_lua(nginx.conf:16):4: variable "uri" not changeable} (measured on nginx).
 */
public final class ApiError extends LuaError {
    public ApiError(String message) {
        super(message, 1);
    }
}
