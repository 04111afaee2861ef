package io.jresty.server.testing;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.server.cli.Launcher;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.undertow.JrestyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real jresty on a free loopback port, started from conf text in a fresh prefix directory.
 * "$TEST_NGINX_SERVER_PORT" in the conf stands for that port. The error log is kept in memory.
 */
public final class TestServer implements AutoCloseable {
    private final Path prefix;
    private final int port;
    private final JrestyServer server;
    private final ByteArrayOutputStream log;

    private TestServer(Path prefix, int port, JrestyServer server, ByteArrayOutputStream log) {
        this.prefix = prefix;
        this.port = port;
        this.server = server;
        this.log = log;
    }

    public static TestServer start(String conf) throws Exception {
        return start(conf, Map.of());
    }

    /** files: paths relative to the prefix → content, written before the server starts. */
    public static TestServer start(String conf, Map<String, String> files) throws Exception {
        Path prefix = TestPrefix.create("jresty-test", files);
        int port = freePort();
        Path confFile = prefix.resolve("conf/nginx.conf");
        Files.writeString(confFile, conf.replace("$TEST_NGINX_SERVER_PORT", String.valueOf(port))
                .replace("$TEST_NGINX_PREFIX", prefix.toString()));
        HttpBlock http = Launcher.load(prefix, confFile);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ErrorLog errorLog = new ErrorLog(new PrintStream(log, true, StandardCharsets.UTF_8), LogLevel.DEBUG,
                Clock.systemDefaultZone(), ProcessHandle.current().pid());
        JrestyServer server = JrestyServer.start(http, errorLog, Clock.systemDefaultZone());
        return new TestServer(prefix, port, server, log);
    }

    /** A conf with one server on the test port around the given server-level text. */
    public static String serverConf(String mainConfig, String httpConfig, String serverConfig) {
        return (mainConfig == null ? "" : mainConfig) + "\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n" + (httpConfig == null ? "" : httpConfig) + "\n"
                + "    server {\n"
                + "        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;\n"
                + "        server_name localhost;\n"
                + serverConfig + "\n"
                + "    }\n"
                + "}\n";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public Path prefix() {
        return prefix;
    }

    public JrestyServer server() {
        return server;
    }

    public String errorLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** GET path with Host: localhost on a new connection. */
    public RawHttp.Response get(String path) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    public RawHttp.Response request(String raw) throws IOException {
        return RawHttp.exchange(port, raw.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    @Override
    public void close() {
        server.close();
    }
}
