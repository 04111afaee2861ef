package io.jresty.ngx.misc;

import io.jresty.core.lua.LuaNull;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.req.Methods;
import java.util.Map;
import org.luaj.vm2.LuaTable;

/** ngx.HTTP_* statuses and methods, ngx.OK/ERROR/AGAIN/DONE/DECLINED and ngx.null. */
public final class NgxConstants implements NgxArea {
    private static final Map<String, Integer> STATUSES = Map.ofEntries(
            Map.entry("HTTP_CONTINUE", 100), Map.entry("HTTP_SWITCHING_PROTOCOLS", 101),
            Map.entry("HTTP_OK", 200), Map.entry("HTTP_CREATED", 201), Map.entry("HTTP_ACCEPTED", 202),
            Map.entry("HTTP_NO_CONTENT", 204), Map.entry("HTTP_PARTIAL_CONTENT", 206),
            Map.entry("HTTP_SPECIAL_RESPONSE", 300), Map.entry("HTTP_MOVED_PERMANENTLY", 301),
            Map.entry("HTTP_MOVED_TEMPORARILY", 302), Map.entry("HTTP_SEE_OTHER", 303),
            Map.entry("HTTP_NOT_MODIFIED", 304), Map.entry("HTTP_TEMPORARY_REDIRECT", 307),
            Map.entry("HTTP_PERMANENT_REDIRECT", 308), Map.entry("HTTP_BAD_REQUEST", 400),
            Map.entry("HTTP_UNAUTHORIZED", 401), Map.entry("HTTP_PAYMENT_REQUIRED", 402),
            Map.entry("HTTP_FORBIDDEN", 403), Map.entry("HTTP_NOT_FOUND", 404), Map.entry("HTTP_NOT_ALLOWED", 405),
            Map.entry("HTTP_NOT_ACCEPTABLE", 406), Map.entry("HTTP_REQUEST_TIMEOUT", 408),
            Map.entry("HTTP_CONFLICT", 409), Map.entry("HTTP_GONE", 410), Map.entry("HTTP_UPGRADE_REQUIRED", 426),
            Map.entry("HTTP_TOO_MANY_REQUESTS", 429), Map.entry("HTTP_CLOSE", 444), Map.entry("HTTP_ILLEGAL", 451),
            Map.entry("HTTP_INTERNAL_SERVER_ERROR", 500), Map.entry("HTTP_NOT_IMPLEMENTED", 501),
            Map.entry("HTTP_METHOD_NOT_IMPLEMENTED", 501), Map.entry("HTTP_BAD_GATEWAY", 502),
            Map.entry("HTTP_SERVICE_UNAVAILABLE", 503), Map.entry("HTTP_GATEWAY_TIMEOUT", 504),
            Map.entry("HTTP_VERSION_NOT_SUPPORTED", 505), Map.entry("HTTP_INSUFFICIENT_STORAGE", 507));

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        STATUSES.forEach(ngx::set);
        Methods.CODES.forEach((name, code) -> ngx.set("HTTP_" + name, code));
        ngx.set("OK", 0);
        ngx.set("ERROR", -1);
        ngx.set("AGAIN", -2);
        ngx.set("DONE", -4);
        ngx.set("DECLINED", -5);
        ngx.set("null", LuaNull.NULL);
    }
}
