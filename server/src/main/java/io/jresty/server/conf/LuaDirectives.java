package io.jresty.server.conf;

import static io.jresty.server.conf.ArgCount.*;
import static io.jresty.server.conf.Specs.*;
import static io.jresty.server.conf.ValueRule.*;

import java.util.List;

/**
 * lua-nginx-module's directives, with the contexts of its command table (its C source,
 * not the README) as the installed module reports them to {@code nginx -t}.
 */
final class LuaDirectives {
    private LuaDirectives() {
    }

    static List<DirectiveSpec> specs() {
        Specs s = new Specs()
            .once("lua_package_path", TAKE1, ANY, HTTP_ONLY)
            .once("lua_package_cpath", TAKE1, ANY, HTTP_ONLY)
            .repeat("lua_shared_dict", TAKE2, HTTP_ONLY)
            .flag("lua_code_cache", HTTP_SRV_LOC_LIF)
            .once("lua_regex_cache_max_entries", TAKE1, NUMBER, HTTP_ONLY)
            .flag("lua_need_request_body", HTTP_SRV_LOC_LIF)
            .once("lua_socket_connect_timeout", TAKE1, TIME, HTTP_SRV_LOC_LIF)
            .once("lua_socket_send_timeout", TAKE1, TIME, HTTP_SRV_LOC_LIF)
            .once("lua_socket_read_timeout", TAKE1, TIME, HTTP_SRV_LOC_LIF)
            .once("lua_socket_send_lowat", TAKE1, SIZE, HTTP_SRV_LOC_LIF)
            .once("lua_socket_buffer_size", TAKE1, SIZE, HTTP_SRV_LOC_LIF)
            .once("lua_socket_pool_size", TAKE1, NUMBER, HTTP_SRV_LOC_LIF)
            .once("lua_socket_keepalive_timeout", TAKE1, TIME, HTTP_SRV_LOC_LIF)
            .flag("lua_socket_log_errors", HTTP_SRV_LOC_LIF)
            .once("lua_ssl_trusted_certificate", TAKE1, ANY, HTTP_SRV_LOC)
            .once("lua_ssl_verify_depth", TAKE1, NUMBER, HTTP_SRV_LOC)
            .once("lua_max_pending_timers", TAKE1, NUMBER, HTTP_ONLY)
            .once("lua_max_running_timers", TAKE1, NUMBER, HTTP_ONLY)
            .flag("lua_check_client_abort", HTTP_SRV_LOC_LIF)
            // jresty's own: a time budget for the conf's Lua handlers (0 or absent: none)
            .once("lua_budget", TAKE1, TIME, HTTP_SRV_LOC_LIF)
            // and a cap on what one handler allocates in Lua terms (tables, strings; 0 or absent: none)
            .once("lua_alloc_limit", TAKE1, SIZE, HTTP_SRV_LOC_LIF)
            .flag("lua_use_default_type", HTTP_SRV_LOC_LIF)
            .flag("lua_http10_buffering", HTTP_SRV_LOC_LIF)
            .flag("lua_transform_underscores_in_response_headers", HTTP_SRV_LOC_LIF)
            .flag("rewrite_by_lua_no_postpone", HTTP_ONLY)
            .flag("access_by_lua_no_postpone", HTTP_ONLY)
            .repeat("set_by_lua", TWO_MORE, SRV_LOC_IFS)
            .repeat("set_by_lua_file", TWO_MORE, SRV_LOC_IFS)
            .lua("set_by_lua_block", TAKE1, null, SRV_LOC_IFS)
            .lua("balancer_by_lua_block", NOARGS, "balancer_by_lua", UPS)
            .slot("balancer_by_lua_file", TAKE1, "balancer_by_lua", UPS);
        phase(s, "init_by_lua", HTTP_ONLY);
        phase(s, "init_worker_by_lua", HTTP_ONLY);
        phase(s, "rewrite_by_lua", HTTP_SRV_LOC_LIF);
        phase(s, "access_by_lua", HTTP_SRV_LOC_LIF);
        phase(s, "content_by_lua", LOC_LIF);
        phase(s, "header_filter_by_lua", HTTP_SRV_LOC_LIF);
        phase(s, "body_filter_by_lua", HTTP_SRV_LOC_LIF);
        phase(s, "log_by_lua", HTTP_SRV_LOC_LIF);
        return s.list();
    }

    /** The three forms of a phase handler fill one setting: a second one is a duplicate. */
    private static void phase(Specs s, String base, java.util.Set<ConfContext> contexts) {
        s.slot(base, TAKE1, base, contexts)
            .lua(base + "_block", NOARGS, base, contexts)
            .slot(base + "_file", TAKE1, base, contexts);
    }
}
