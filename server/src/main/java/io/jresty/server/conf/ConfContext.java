package io.jresty.server.conf;

/**
 * Where a directive stands, as nginx's command-type bits name it: NGX_MAIN_CONF,
 * NGX_EVENT_CONF, NGX_HTTP_MAIN_CONF, NGX_HTTP_SRV_CONF, NGX_HTTP_LOC_CONF,
 * NGX_HTTP_UPS_CONF, NGX_HTTP_SIF_CONF (if in server) and NGX_HTTP_LIF_CONF (if in location).
 */
public enum ConfContext {
    MAIN, EVENTS, HTTP, SERVER, LOCATION, UPSTREAM, SERVER_IF, LOCATION_IF
}
