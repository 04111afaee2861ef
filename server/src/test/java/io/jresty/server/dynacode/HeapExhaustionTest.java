package io.jresty.server.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no allocation limit at all, Lua that fills the heap still ends only itself: a server in its
 * own JVM with a small heap answers a 500 for the conf handler and fails the plugin open, then
 * goes on serving.
 */
class HeapExhaustionTest {
    private static final String HOG = "local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end";

    @TempDir
    Path prefix;

    @Test
    void luaThatFillsTheHeapEndsAloneAndTheServerGoesOn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(prefix.resolve("conf"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("html/api"));
        Files.writeString(prefix.resolve("html/api/doc.json"), PluginDocuments.enabled()
                .domain("hog.test", "hog", "access", HOG).json());
        Files.writeString(prefix.resolve("conf/nginx.conf"), """
                worker_processes 1;
                error_log logs/error.log info;
                events {}
                http {
                    lua_shared_dict cache_dict 1m;
                    init_by_lua_block {
                        local ok, err = require("resty.dynacode.controller").setup({
                            plugin_api_uri = "http://127.0.0.1:%d/api/doc.json",
                            plugin_api_polling_interval = 3600,
                            plugin_api_poll_at_init = true,
                            shm = "cache_dict",
                            persist_path = "%s",
                            plugin_budget_ms = 0,
                            plugin_alloc_mb = 0,
                        })
                        if not ok then ngx.log(ngx.ERR, "setup failed: ", err) end
                    }
                    init_worker_by_lua_block { require("resty.dynacode.controller").run() }
                    access_by_lua_block { require("resty.dynacode.controller").run() }
                    server {
                        listen 127.0.0.1:%d;
                        location /api/ { root html; default_type application/json; }
                        location = /hog { content_by_lua_block { %s } }
                        location / { content_by_lua_block { ngx.say("ok ", ngx.var.host) } }
                    }
                }
                """.formatted(port, prefix.resolve("last.json"), port, HOG));
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", System.getProperty("java.class.path"), "io.jresty.server.cli.Main",
                "-p", prefix.toString(), "-c", "conf/nginx.conf")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        try {
            awaitPluginsLoaded(port);
            for (int round = 0; round < 2; round++) {
                assertThat(get(port, "localhost", "/hog").status()).isEqualTo(500);
                RawHttp.Response hogged = get(port, "hog.test", "/");
                assertThat(hogged.status()).isEqualTo(200);
                assertThat(hogged.bodyText()).isEqualTo("ok hog.test\n");
                for (int i = 0; i < 5; i++) {
                    assertThat(get(port, "calm.test", "/").bodyText()).isEqualTo("ok calm.test\n");
                }
            }
            assertThat(server.isAlive()).isTrue();
            String log = Files.readString(prefix.resolve("logs/error.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("lua entry thread aborted: runtime error: not enough memory")
                    .contains("plugin hog ran out of memory: not enough memory");
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static RawHttp.Response get(int port, String host, String path) throws IOException {
        return RawHttp.exchange(port, ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), 60_000);
    }

    private void awaitPluginsLoaded(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, "calm.test", "/").status() == 200 && Files.exists(prefix.resolve("last.json"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not start or load its plugins: "
                + Files.readString(prefix.resolve("logs/stdout.log")));
    }
}
