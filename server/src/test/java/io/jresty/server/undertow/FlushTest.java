package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.undertow.Targets.Target;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ngx.flush(false) hands the output over and returns; ngx.flush(true) returns only once the
 * client has taken it. A client that does not read holds 8 MB back (more than the socket
 * buffers take); a second connection reads what the handler did after its flush.
 */
class FlushTest {
    private static final String HTTP = "lua_shared_dict flushes 1m;";
    private static final String SERVER = """
            location /flush {
                content_by_lua_block {
                    local wait = ngx.var.arg_wait == "true"
                    ngx.shared.flushes:delete(ngx.var.arg_key)
                    ngx.print(string.rep("a", 8 * 1024 * 1024))
                    local ok, err = ngx.flush(wait)
                    ngx.shared.flushes:set(ngx.var.arg_key, "returned " .. tostring(ok))
                    ngx.print("end")
                }
            }
            location /probe {
                content_by_lua_block { ngx.print(tostring(ngx.shared.flushes:get(ngx.var.arg_key))) }
            }
            """;

    static Stream<String> targets() {
        return Targets.names();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void anAsynchronousFlushDoesNotWaitForASlowClient(String target) throws Exception {
        try (Target t = Targets.start(target, HTTP, SERVER); Socket slow = slowClient(t.port(), "false", "async")) {
            String seen = "nil";
            for (int i = 0; i < 100 && !seen.equals("returned 1"); i++) {
                Thread.sleep(50);
                seen = probe(t.port(), "async");
            }
            assertThat(seen).as("flush(false) returned while the client read nothing").isEqualTo("returned 1");
            assertThat(readBody(slow)).hasSize(8 * 1024 * 1024 + 3).endsWith("aend");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aSynchronousFlushWaitsUntilTheClientHasTheData(String target) throws Exception {
        try (Target t = Targets.start(target, HTTP, SERVER); Socket slow = slowClient(t.port(), "true", "sync")) {
            Thread.sleep(700);
            assertThat(probe(t.port(), "sync")).as("flush(true) still waiting").isEqualTo("nil");
            assertThat(readBody(slow)).hasSize(8 * 1024 * 1024 + 3);
            assertThat(probe(t.port(), "sync")).isEqualTo("returned 1");
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aSynchronousFlushToAClientThatLeftReturnsAnOutputFilterError(String target) throws Exception {
        try (Target t = Targets.start(target, HTTP, """
                location /gone {
                    content_by_lua_block {
                        ngx.sleep(0.3)
                        ngx.print(string.rep("a", 8 * 1024 * 1024))
                        local ok, err = ngx.flush(true)
                        ngx.log(ngx.NOTICE, "flush(true) after the client left: ", tostring(ok), " ", err)
                    }
                }
                """)) {
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.getOutputStream().write("GET /gone HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(100);
            }
            String log = "";
            for (int i = 0; i < 100 && !log.contains("flush(true) after the client left"); i++) {
                Thread.sleep(50);
                log = t.errorLog();
            }
            assertThat(log).contains("flush(true) after the client left: nil nginx output filter error");
        }
    }

    /** Sends the request on a socket with a small receive buffer and reads nothing yet. */
    private static Socket slowClient(int port, String wait, String key) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        s.setSoTimeout(20_000);
        s.getOutputStream().write(("GET /flush?wait=" + wait + "&key=" + key
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static String readBody(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        return RawHttp.read(in, false).bodyText();
    }

    private static String probe(int port, String key) throws Exception {
        return RawHttp.exchange(port, ("GET /probe?key=" + key + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), 5000).bodyText();
    }
}
