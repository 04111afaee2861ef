package io.jresty.server.conf;

import static io.jresty.server.conf.ArgCount.*;
import static io.jresty.server.conf.Specs.*;
import static io.jresty.server.conf.ValueRule.*;

import java.util.List;

/**
 * nginx's own directives that jresty reads, with the contexts and argument counts of
 * nginx 1.22's command tables (checked against {@code nginx -t}, one conf per directive
 * and context).
 */
final class NginxDirectives {
    private NginxDirectives() {
    }

    static List<DirectiveSpec> specs() {
        return new Specs()
            // core and events
            .once("worker_processes", TAKE1, WORKERS, MAIN_ONLY)
            .repeat("error_log", ONE_MORE, MAIN_HTTP_SRV_LOC)
            .once("pid", TAKE1, ANY, MAIN_ONLY)
            .flag("daemon", MAIN_ONLY)
            .flag("master_process", MAIN_ONLY)
            .once("user", TAKE12, ANY, MAIN_ONLY)
            .once("worker_rlimit_nofile", TAKE1, NUMBER, MAIN_ONLY)
            .repeat("load_module", TAKE1, MAIN_ONLY)
            .repeat("env", TAKE1, MAIN_ONLY)
            .repeat("include", TAKE1, EVERYWHERE)
            .block("events", NOARGS, ConfContext.EVENTS, "events", MAIN_ONLY)
            .once("worker_connections", TAKE1, ANY, EVENTS_ONLY)
            .once("use", TAKE1, ANY, EVENTS_ONLY)
            .flag("multi_accept", EVENTS_ONLY)
            .block("http", NOARGS, ConfContext.HTTP, "http", MAIN_ONLY)
            // http core
            .block("server", NOARGS, ConfContext.SERVER, null, HTTP_ONLY)
            .repeat("listen", ONE_MORE, SRV)
            .repeat("server_name", ONE_MORE, SRV)
            .block("location", TAKE12, ConfContext.LOCATION, null, SRV_LOC)
            .slot("root", TAKE1, "root", HTTP_SRV_LOC_LIF)
            .slot("alias", TAKE1, "root", LOC)
            .repeat("index", ONE_MORE, HTTP_SRV_LOC)
            .once("default_type", TAKE1, ANY, HTTP_SRV_LOC)
            .entries("types", NOARGS, HTTP_SRV_LOC)
            .once("client_max_body_size", TAKE1, OFFSET, HTTP_SRV_LOC)
            .once("client_body_buffer_size", TAKE1, SIZE, HTTP_SRV_LOC)
            .once("large_client_header_buffers", TAKE2, BUFS, HTTP_SRV)
            .once("client_header_timeout", TAKE1, TIME, HTTP_SRV)
            .once("client_body_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .once("send_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .once("keepalive_timeout", TAKE12, TIMEOUT_PAIR, HTTP_SRV_LOC)
            .once("keepalive_requests", TAKE1, NUMBER, HTTP_SRV_LOC)
            .flag("sendfile", HTTP_SRV_LOC_LIF)
            .flag("tcp_nopush", HTTP_SRV_LOC)
            .flag("tcp_nodelay", HTTP_SRV_LOC)
            .repeat("error_page", TWO_MORE, HTTP_SRV_LOC_LIF)
            .once("resolver", ONE_MORE, ANY, HTTP_SRV_LOC)
            .once("resolver_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .once("server_tokens", TAKE1, ANY, HTTP_SRV_LOC)
            .flag("underscores_in_headers", HTTP_SRV)
            .flag("ignore_invalid_headers", HTTP_SRV)
            .flag("merge_slashes", HTTP_SRV)
            .flag("absolute_redirect", HTTP_SRV_LOC)
            .flag("port_in_redirect", HTTP_SRV_LOC)
            .once("internal", NOARGS, ANY, LOC)
            .once("try_files", TWO_MORE, ANY, SRV_LOC)
            .flag("autoindex", HTTP_SRV_LOC)
            // rewrite module
            .repeat("return", TAKE12, SRV_LOC_IFS)
            .repeat("rewrite", TAKE23, SRV_LOC_IFS)
            .repeat("set", TAKE2, SRV_LOC_IFS)
            .repeat("break", NOARGS, SRV_LOC_IFS)
            .block("if", ONE_MORE, ConfContext.LOCATION_IF, null, SRV_LOC)
            // headers, log, charset, expires, map
            .repeat("add_header", TAKE23, HTTP_SRV_LOC_LIF)
            .once("expires", TAKE12, ANY, HTTP_SRV_LOC_LIF)
            .repeat("access_log", ONE_MORE, HTTP_SRV_LOC_LIF)
            .repeat("log_format", TWO_MORE, HTTP_ONLY)
            .once("charset", TAKE1, ANY, HTTP_SRV_LOC_LIF)
            .entries("map", TAKE2, HTTP_ONLY)
            // upstream and proxy
            .block("upstream", TAKE1, ConfContext.UPSTREAM, null, HTTP_ONLY)
            .repeat("server", ONE_MORE, UPS)
            .once("keepalive", TAKE1, ANY, UPS)
            .once("keepalive_timeout", TAKE1, TIME, UPS)
            .once("keepalive_requests", TAKE1, NUMBER, UPS)
            .repeat("least_conn", NOARGS, UPS)
            .once("hash", TAKE12, ANY, UPS)
            .flag("proxy_pass_request_headers", HTTP_SRV_LOC)
            .flag("proxy_pass_request_body", HTTP_SRV_LOC)
            .once("proxy_next_upstream_tries", TAKE1, NUMBER, HTTP_SRV_LOC)
            .once("proxy_pass", TAKE1, ANY, LOC_LIF)
            .repeat("proxy_set_header", TAKE2, HTTP_SRV_LOC)
            .once("proxy_http_version", TAKE1, ANY, HTTP_SRV_LOC)
            .once("proxy_connect_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .once("proxy_read_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .once("proxy_send_timeout", TAKE1, TIME, HTTP_SRV_LOC)
            .flag("proxy_buffering", HTTP_SRV_LOC)
            .repeat("proxy_next_upstream", ONE_MORE, HTTP_SRV_LOC)
            .flag("proxy_intercept_errors", HTTP_SRV_LOC)
            .repeat("proxy_redirect", TAKE12, HTTP_SRV_LOC)
            .repeat("proxy_hide_header", TAKE1, HTTP_SRV_LOC)
            .repeat("proxy_pass_header", TAKE1, HTTP_SRV_LOC)
            .repeat("proxy_ignore_headers", ONE_MORE, HTTP_SRV_LOC)
            .flag("proxy_ssl_verify", HTTP_SRV_LOC)
            .once("proxy_ssl_trusted_certificate", TAKE1, ANY, HTTP_SRV_LOC)
            .once("proxy_ssl_verify_depth", TAKE1, NUMBER, HTTP_SRV_LOC)
            .flag("proxy_ssl_server_name", HTTP_SRV_LOC)
            .once("proxy_ssl_name", TAKE1, ANY, HTTP_SRV_LOC)
            .once("proxy_ssl_protocols", ONE_MORE, ANY, HTTP_SRV_LOC)
            .flag("proxy_ssl_session_reuse", HTTP_SRV_LOC)
            .list();
    }
}
