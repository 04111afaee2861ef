package io.jresty.server.dynacode;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A jresty that serves its own plugin API (html/api/doc.json) and runs the built-in
 * resty.dynacode.controller in every phase, as a dynacode deployment's nginx.conf does.
 */
final class DynacodeServer implements AutoCloseable {
    private final TestServer server;

    private DynacodeServer(TestServer server) {
        this.server = server;
    }

    /** apiUri null: the server's own /api/doc.json. */
    static DynacodeServer start(String document, String apiUri, Path persist) throws Exception {
        return start(document, apiUri, persist, "");
    }

    /** extraSetup: more setup{} fields, e.g. "quarantine_after = 2,". */
    static DynacodeServer start(String document, String apiUri, Path persist, String extraSetup) throws Exception {
        String uri = apiUri == null ? "http://127.0.0.1:$TEST_NGINX_SERVER_PORT/api/doc.json" : apiUri;
        String conf = """
                worker_processes 2;
                events {}
                http {
                    lua_shared_dict cache_dict 1m;
                    init_by_lua_block {
                        local c = require "resty.dynacode.controller"
                        local ok, err = c.setup({
                            plugin_api_uri = "%s",
                            plugin_api_polling_interval = 3600,
                            plugin_api_poll_at_init = true,
                            shm = "cache_dict",
                            persist_path = "%s",
                            %s
                        })
                        if not ok then ngx.log(ngx.ERR, "setup failed: ", err) end
                        c.events.on(c.events.RT_PLUGINS_ERROR, function(p, err)
                            ngx.log(ngx.ERR, "event rt_plugins_error ", p.name, " ", err)
                        end)
                        c.events.on(c.events.BG_COMPILE_ERROR, function(p, err)
                            ngx.log(ngx.ERR, "event bg_compile_error ", p.name, " ", err)
                        end)
                        c.events.on("rt_plugins_quarantined", function(p)
                            ngx.log(ngx.ERR, "event rt_plugins_quarantined ", p.name)
                        end)
                        c.events.on(c.events.BG_DIDNT_UPDATE_PLUGINS, function()
                            ngx.log(ngx.ERR, "event bg_didnt_update_plugins")
                        end)
                    }
                    init_worker_by_lua_block   { require("resty.dynacode.controller").run() }
                    rewrite_by_lua_block       { require("resty.dynacode.controller").run() }
                    access_by_lua_block        { require("resty.dynacode.controller").run() }
                    header_filter_by_lua_block { require("resty.dynacode.controller").run() }
                    body_filter_by_lua_block   { require("resty.dynacode.controller").run() }
                    log_by_lua_block           { require("resty.dynacode.controller").run() }
                    server {
                        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
                        server_name localhost;
                        location /api/ { root html; default_type application/json; }
                        location = /poll { content_by_lua_block { ngx.say(tostring(require("resty.dynacode.controller").poll())) } }
                        location = /status { content_by_lua_block { require("resty.dynacode.controller").render_status() } }
                        location / { content_by_lua_block { require("resty.dynacode.controller").run() } }
                    }
                }
                """.formatted(uri, persist, extraSetup);
        Map<String, String> files = document == null ? Map.of() : Map.of("html/api/doc.json", document);
        DynacodeServer s = new DynacodeServer(TestServer.start(conf, files));
        s.awaitFirstPoll();
        return s;
    }

    private void awaitFirstPoll() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String status = status();
            // a document installed (fetched, or persisted when the API is down) and a first fetch tried
            if (status.contains("\"document\":{") && !status.contains("\"last_outcome\":null")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no poll finished in 10 s: " + status() + "\n" + errorLog());
    }

    void publish(String document) throws IOException {
        Path doc = server.prefix().resolve("html/api/doc.json");
        Files.createDirectories(doc.getParent());
        Path tmp = doc.resolveSibling("doc.json.tmp");
        Files.writeString(tmp, document);
        Files.move(tmp, doc, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Fetches the document now; the body says whether a new one was installed. */
    String poll() throws IOException {
        return server.get("/poll").bodyText().strip();
    }

    String status() throws IOException {
        return server.get("/status").bodyText();
    }

    RawHttp.Response get(String host, String path) throws IOException {
        return get(host, path, "");
    }

    RawHttp.Response get(String host, String path, String extraHeaders) throws IOException {
        return server.request("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                + "Connection: close\r\n\r\n");
    }

    String errorLog() {
        return server.errorLog();
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
