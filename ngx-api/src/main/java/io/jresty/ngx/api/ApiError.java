package io.jresty.ngx.api;

import org.luaj.vm2.LuaError;

/**
 * An error raised by an ngx API function. Like luaL_error in a C function, it carries no
 * chunk:line position (level 0): OpenResty's messages read "variable "uri" not changeable".
 */
public final class ApiError extends LuaError {
    public ApiError(String message) {
        super(message, 0);
    }
}
