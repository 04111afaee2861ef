package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.undertow.Targets.Target;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lua_check_client_abort and ngx.on_abort with a client that sends a request and closes the
 * connection while the handler sleeps. A .t block cannot close early, so these use a raw
 * socket; with -Djresty.reference=true each case also runs on nginx + lua-nginx-module.
 */
class OnAbortTest {
    static Stream<String> targets() {
        return Targets.names();
    }

    private static Target start(String target, String server) throws Exception {
        return Targets.start(target, null, server);
    }

    private static final String LOG_STATUS = """
                log_by_lua_block { ngx.log(ngx.NOTICE, "log phase status: ", ngx.var.status) }
            """;

    @ParameterizedTest
    @MethodSource("targets")
    void aCallbackThatReturnsLetsTheHandlerGoOn(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    content_by_lua_block {
                        local ok, err = ngx.on_abort(function ()
                            ngx.log(ngx.NOTICE, "on abort called in ", ngx.get_phase())
                        end)
                        if not ok then error("cannot set on_abort: " .. err) end
                        ngx.sleep(0.6)
                        ngx.log(ngx.NOTICE, "main handler done")
                    }
                }
                """)) {
            sendAndClose(t.port());
            awaitLog(t, "client prematurely closed connection", "on abort called in content", "main handler done");
            assertThat(t.errorLog()).doesNotContain("[error]");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aCallbackThatExitsWith499EndsTheRequest(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    content_by_lua_block {
                        ngx.on_abort(function ()
                            ngx.log(ngx.NOTICE, "on abort called")
                            ngx.exit(499)
                        end)
                        ngx.thread.spawn(function ()
                            ngx.sleep(0.6)
                            ngx.log(ngx.NOTICE, "light thread done")
                        end)
                        ngx.sleep(0.6)
                        ngx.log(ngx.NOTICE, "main handler done")
                    }
                """ + LOG_STATUS + "}")) {
            sendAndClose(t.port());
            awaitLog(t, "on abort called", "log phase status: 499");
            Thread.sleep(900);
            assertThat(t.errorLog()).doesNotContain("main handler done").doesNotContain("light thread done")
                    .doesNotContain("[error]");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void withoutACallbackTheHandlerEndsWith499(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    access_by_lua_block {
                        ngx.sleep(0.6)
                        ngx.log(ngx.NOTICE, "access handler done")
                    }
                    content_by_lua_block { ngx.log(ngx.NOTICE, "content handler ran") }
                """ + LOG_STATUS + "}")) {
            sendAndClose(t.port());
            awaitLog(t, "client prematurely closed connection", "log phase status: 499");
            Thread.sleep(900);
            assertThat(t.errorLog()).doesNotContain("access handler done").doesNotContain("content handler ran");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void withTheCheckOffTheAbortGoesUnnoticed(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    content_by_lua_block {
                        local ok, err = ngx.on_abort(function () ngx.log(ngx.NOTICE, "on abort called") end)
                        ngx.log(ngx.NOTICE, "on_abort: ", tostring(ok), " ", err)
                        ngx.sleep(0.4)
                        ngx.log(ngx.NOTICE, "main handler done")
                    }
                }
                """)) {
            sendAndClose(t.port());
            awaitLog(t, "on_abort: nil lua_check_client_abort is off", "main handler done");
            assertThat(t.errorLog()).doesNotContain("on abort called")
                    .doesNotContain("client prematurely closed connection");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aClientThatStaysGetsItsResponseAndNoCallback(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    content_by_lua_block {
                        ngx.on_abort(function () ngx.log(ngx.NOTICE, "on abort called") end)
                        ngx.sleep(0.2)
                        ngx.say("done")
                    }
                }
                """)) {
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(request("Connection: keep-alive"));
                assertThat(io.jresty.server.testing.RawHttp.read(s.getInputStream(), false).bodyText())
                        .isEqualTo("done\n");
                // the keepalive connection serves a second request on the same socket
                s.getOutputStream().write(request("Connection: close"));
                assertThat(io.jresty.server.testing.RawHttp.read(s.getInputStream(), false).bodyText())
                        .isEqualTo("done\n");
            }
            Thread.sleep(300);
            assertThat(t.errorLog()).doesNotContain("on abort called")
                    .doesNotContain("client prematurely closed connection");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aRequestPipelinedWhileTheFirstIsWatchedIsServedWhole(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    content_by_lua_block {
                        ngx.sleep(0.3)
                        ngx.say(ngx.var.arg_n, " ", ngx.var.http_x_order)
                    }
                }
                """)) {
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write("GET /t?n=1 HTTP/1.1\r\nHost: localhost\r\nX-Order: first\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the first request is sleeping (and watched) when the second arrives
                Thread.sleep(100);
                out.write("GET /t?n=2 HTTP/1.1\r\nHost: localhost\r\nX-Order: second\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                var in = s.getInputStream();
                assertThat(io.jresty.server.testing.RawHttp.read(in, false).bodyText()).isEqualTo("1 first\n");
                assertThat(io.jresty.server.testing.RawHttp.read(in, false).bodyText()).isEqualTo("2 second\n");
            }
            assertThat(t.errorLog()).doesNotContain("client prematurely closed connection");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aPostWhoseBodyWasReadIsWatchedToo(String target) throws Exception {
        try (Target t = start(target, """
                location /t {
                    lua_check_client_abort on;
                    content_by_lua_block {
                        ngx.req.read_body()
                        ngx.on_abort(function ()
                            ngx.log(ngx.NOTICE, "on abort after body ", ngx.req.get_body_data())
                        end)
                        ngx.sleep(0.6)
                    }
                }
                """)) {
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.getOutputStream().write(("POST /t HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello")
                        .getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(200);
            }
            awaitLog(t, "client prematurely closed connection", "on abort after body hello");
        }
    }

    private static byte[] request(String connection) {
        return ("GET /t HTTP/1.1\r\nHost: localhost\r\n" + connection + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a complete GET, gives the handler time to start, then closes the connection. */
    private static void sendAndClose(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request("Connection: close"));
            out.flush();
            Thread.sleep(200);
        }
    }

    private static void awaitLog(Target t, String... lines) throws Exception {
        for (int i = 0; i < 100; i++) {
            String log = t.errorLog();
            if (Stream.of(lines).allMatch(log::contains)) {
                return;
            }
            Thread.sleep(50);
        }
        String log = t.errorLog();
        for (String line : lines) {
            assertThat(log).as("error log").contains(line);
        }
    }
}
