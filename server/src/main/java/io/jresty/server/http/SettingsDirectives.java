package io.jresty.server.http;

import io.jresty.ngx.phase.Phase;
import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the inheritable directives of one level (root, index, add_header, *_by_lua, ...)
 * to the settings it inherited. add_header and error_page of a level replace the outer
 * ones only when the level has some, as in nginx.
 */
final class SettingsDirectives {
    private final Path prefix;
    private final LuaCode lua;

    SettingsDirectives(Path prefix, LuaCode lua) {
        this.prefix = prefix;
        this.lua = lua;
    }

    Settings apply(Settings inherited, List<ConfDirective> block) throws ConfException {
        Settings s = inherited.inherited();
        List<Settings.AddHeader> headers = new ArrayList<>();
        Map<Integer, Settings.ErrorPage> pages = new LinkedHashMap<>();
        LuaHandlers handlers = s.lua();
        for (ConfDirective d : block) {
            switch (d.name()) {
                case "root" -> s = s.withRoot(prefix.resolve(d.arg(0)));
                case "alias" -> s = s.withAlias(prefix.resolve(d.arg(0)));
                case "index" -> s = s.withIndex(d.args());
                case "default_type" -> s = s.withDefaultType(d.arg(0));
                case "client_max_body_size" -> s = s.withMaxBodySize(size(d));
                case "lua_budget" -> s = s.withLuaBudget(Sizes.millis(d.arg(0)));
                case "lua_alloc_limit" -> s = s.withLuaAllocLimit(size(d));
                case "add_header" -> headers.add(new Settings.AddHeader(d.arg(0), Template.parse(d.arg(1)),
                        d.args().size() > 2 && d.arg(2).equals("always")));
                case "error_page" -> errorPage(d, pages);
                case "client_body_buffer_size" -> s = s.withRequest(s.request().withBodyBufferSize(size(d)));
                case "lua_need_request_body" -> s = s.withRequest(s.request().withNeedRequestBody(on(d)));
                case "lua_transform_underscores_in_response_headers" ->
                        s = s.withRequest(s.request().withTransformUnderscores(on(d)));
                case "lua_check_client_abort" -> s = s.withRequest(s.request().withCheckClientAbort(on(d)));
                case "lua_socket_connect_timeout", "lua_socket_send_timeout", "lua_socket_read_timeout",
                        "lua_socket_pool_size", "lua_socket_keepalive_timeout", "lua_socket_log_errors",
                        "lua_ssl_trusted_certificate" ->
                        s = s.withRequest(s.request().withSocket(SocketSettings.apply(s.request().socket(), d)));
                case "error_log" -> s = s.withRequest(s.request().withErrorLogLevel(
                        d.args().size() > 1 ? d.arg(1) : "error"));
                default -> {
                    Phase phase = LuaCode.phaseOf(d.name());
                    if (phase != null && phase != Phase.SET && phase != Phase.INIT && phase != Phase.INIT_WORKER) {
                        handlers = handlers.with(phase, lua.chunk(d, phase, 0));
                    }
                }
            }
        }
        if (!headers.isEmpty()) {
            s = s.withAddHeaders(List.copyOf(headers));
        }
        if (!pages.isEmpty()) {
            s = s.withErrorPages(Map.copyOf(pages));
        }
        return s.withLua(handlers).withProxy(io.jresty.server.proxy.ProxyDirectives.apply(s.proxy(), block));
    }

    private static boolean on(ConfDirective d) {
        return d.arg(0).equals("on");
    }

    private static long size(ConfDirective d) throws ConfException {
        long bytes = Sizes.bytes(d.arg(0));
        if (bytes < 0) {
            throw new ConfException("\"" + d.name() + "\" directive invalid value " + d.where());
        }
        return bytes;
    }

    private static void errorPage(ConfDirective d, Map<Integer, Settings.ErrorPage> pages) throws ConfException {
        List<String> args = d.args();
        String uri = args.getLast();
        Integer override = null;
        int last = args.size() - 1;
        if (last >= 1 && args.get(last - 1).startsWith("=")) {
            String code = args.get(last - 1).substring(1);
            override = code.isEmpty() ? -1 : parseCode(d, code);
            last--;
        }
        for (int i = 0; i < last; i++) {
            int code = parseCode(d, args.get(i));
            if (code < 300 || code > 599) {
                throw new ConfException("value \"" + code + "\" must be between 300 and 599 " + d.where());
            }
            pages.put(code, new Settings.ErrorPage(uri, override));
        }
    }

    private static int parseCode(ConfDirective d, String text) throws ConfException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfException("invalid value \"" + text + "\" " + d.where());
        }
    }
}
