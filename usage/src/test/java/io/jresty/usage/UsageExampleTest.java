package io.jresty.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.cli.Launcher;
import io.jresty.server.undertow.JrestyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage/ example as the demo runs it (its conf, document and controller module, unchanged
 * but for the ports), checked from the outside: the three plugins, a document edit picked up
 * without a restart, and the event counters.
 */
class UsageExampleTest {
    @TempDir
    Path prefix;

    @Test
    void theExampleServesItsPluginsAndPicksUpAnEditedDocument() throws Exception {
        int app = freePort();
        int api = freePort();
        copy(Path.of("conf"), prefix.resolve("conf"));
        copy(Path.of("api"), prefix.resolve("api"));
        copy(Path.of("src"), prefix.resolve("src"));
        replace(prefix.resolve("conf/nginx.conf"), "127.0.0.1:8080", "127.0.0.1:" + app);
        replace(prefix.resolve("conf/nginx.conf"), "127.0.0.1:9090", "127.0.0.1:" + api);
        replace(prefix.resolve("src/controller.lua"), "127.0.0.1:9090", "127.0.0.1:" + api);
        replace(prefix.resolve("src/controller.lua"), "plugin_api_polling_interval = 5", "plugin_api_polling_interval = 1");

        try (JrestyServer server = Launcher.start(prefix, prefix.resolve("conf/nginx.conf"))) {
            String ok = awaitBody(app, "/?token=token", "hello from a plugin");
            assertThat(ok).contains("200 OK").contains("Access-Control-Allow-Origin: *")
                    .contains("Set-Cookie: superstition=token").contains("hello from a plugin on dynamic.local.com");
            assertThat(get(app, "dynamic.local.com", "/", "")).startsWith("HTTP/1.1 403");
            assertThat(get(app, "dynamic.local.com", "/", "Cookie: superstition=token\r\n")).startsWith("HTTP/1.1 200");

            Path doc = prefix.resolve("api/response.json");
            String edited = Files.readString(doc).replace("hello from a plugin on", "edited greeting, now served on");
            Files.writeString(doc, edited);
            assertThat(awaitBody(app, "/?token=token", "edited greeting")).contains("edited greeting, now served on");

            String metrics = get(app, "metrics.local.com", "/", "");
            assertThat(metrics).contains("\"rt_plugins_starting\":").contains("\"bg_updated_plugins\":");
        }
    }

    private static String awaitBody(int port, String path, String expected) throws Exception {
        String last = "";
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            last = get(port, "dynamic.local.com", path, "");
            if (last.contains(expected)) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }

    private static String get(int port, String host, String path, String headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
