package io.jresty.ngx.req;

import io.jresty.ngx.api.ApiError;
import java.util.Map;
import org.luaj.vm2.LuaError;

/** The ngx.HTTP_GET ... method constants and their names. */
public final class Methods {
    private Methods() {}

    public static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("GET", 2), Map.entry("HEAD", 4), Map.entry("POST", 8), Map.entry("PUT", 16),
            Map.entry("DELETE", 32), Map.entry("MKCOL", 64), Map.entry("COPY", 128), Map.entry("MOVE", 256),
            Map.entry("OPTIONS", 512), Map.entry("PROPFIND", 1024), Map.entry("PROPPATCH", 2048),
            Map.entry("LOCK", 4096), Map.entry("UNLOCK", 8192), Map.entry("PATCH", 16384), Map.entry("TRACE", 32768));

    /** The method name of an ngx.HTTP_* constant. */
    public static String name(int code) {
        for (Map.Entry<String, Integer> e : CODES.entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        throw new ApiError("unsupported HTTP method: " + code);
    }
}
