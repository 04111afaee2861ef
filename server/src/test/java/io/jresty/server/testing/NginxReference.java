package io.jresty.server.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same conf on Debian's nginx with lua-nginx-module, to prove a data-driven case states
 * what OpenResty really does. Used only where nginx and the lua module are installed.
 */
public final class NginxReference implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path MODULES = Path.of("/usr/lib/nginx/modules");

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxReference(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(NGINX) && Files.exists(MODULES.resolve("ngx_http_lua_module.so"));
    }

    public static NginxReference start(String conf, Map<String, String> files) throws Exception {
        Path prefix = TestPrefix.create("nginx-ref", files);
        int port = TestServer.freePort();
        // one line, prepended to the conf's first line, so chunk names keep their line numbers
        String head = "load_module " + MODULES.resolve("ndk_http_module.so") + "; "
                + "load_module " + MODULES.resolve("ngx_http_lua_module.so") + "; "
                + "daemon off; master_process off; pid logs/nginx.pid; error_log logs/error.log debug; ";
        Files.writeString(prefix.resolve("conf/nginx.conf"), head
                + conf.replace("$TEST_NGINX_SERVER_PORT", String.valueOf(port))
                        .replace("$TEST_NGINX_PREFIX", prefix.toString()));
        Process p = new ProcessBuilder(NGINX.toString(), "-p", prefix + "/", "-c", "conf/nginx.conf")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new NginxReference(p, prefix, port);
            } catch (IOException e) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("nginx did not start: "
                + Files.readString(prefix.resolve("logs/stdout.log")) + readLog(prefix));
    }

    private static String readLog(Path prefix) throws IOException {
        Path log = prefix.resolve("logs/error.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public int port() {
        return port;
    }

    public String errorLog() throws IOException {
        return readLog(prefix);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
