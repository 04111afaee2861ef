package io.jresty.server.proxy;

import static io.jresty.server.proxy.FakeUpstream.Mode.CUT_MIDWAY;
import static io.jresty.server.proxy.FakeUpstream.Mode.HEALTHY;
import static io.jresty.server.proxy.FakeUpstream.Mode.SLOW;
import static io.jresty.server.proxy.FakeUpstream.Mode.STATUS_500;
import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Proxying to real upstream servers on other loopback ports: balancing, failures, retries. */
class ProxyUpstreamTest {
    private static final String SHOW_TRIES = """
            header_filter_by_lua_block {
                ngx.header["X-Addr"] = ngx.var.upstream_addr
                ngx.header["X-Status"] = ngx.var.upstream_status
            }
            """;

    private static TestServer proxy(String upstreams, String location) throws Exception {
        return TestServer.start(TestServer.serverConf(null, upstreams, location));
    }

    @Test
    void roundRobinFollowsTheWeights() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY); FakeUpstream b = FakeUpstream.start("b", HEALTHY);
             TestServer s = proxy("upstream backend { server " + a.address() + " weight=2; server " + b.address()
                     + "; }", "location / { proxy_pass http://backend; }")) {
            for (int i = 0; i < 30; i++) {
                assertThat(s.get("/x").status()).isEqualTo(200);
            }
            assertThat(a.requests()).hasSize(20);
            assertThat(b.requests()).hasSize(10);
        }
    }

    @Test
    void aDownPeerIsRetriedOnTheNextOneThenLeftAloneForFailTimeout() throws Exception {
        int closed = FakeUpstream.closedPort();
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer s = proxy("upstream backend { server 127.0.0.1:" + closed + " max_fails=1 fail_timeout=30s; "
                     + "server " + a.address() + "; }", "location / { proxy_pass http://backend; " + SHOW_TRIES
                     + " }")) {
            RawHttp.Response first = s.get("/x");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).isEqualTo("from a");
            assertThat(first.header("X-Addr")).isEqualTo("127.0.0.1:" + closed + ", " + a.address());
            assertThat(first.header("X-Status")).isEqualTo("502, 200");
            for (int i = 0; i < 5; i++) {
                assertThat(s.get("/x").header("X-Addr")).isEqualTo(a.address());
            }
            assertThat(s.errorLog().split("connect\\(\\) failed \\(111: Connection refused\\)", -1)).hasSize(2);
        }
    }

    @Test
    void aSlowPeerTimesOutWith504OrHandsOverToTheNextPeer() throws Exception {
        try (FakeUpstream slow = FakeUpstream.start("slow", SLOW); FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer alone = proxy("", "location / { proxy_read_timeout 300ms; proxy_pass http://"
                     + slow.address() + "; }");
             TestServer pair = proxy("upstream backend { server " + slow.address() + "; server " + a.address()
                     + "; }", "location / { proxy_read_timeout 300ms; proxy_pass http://backend; " + SHOW_TRIES
                     + " }")) {
            assertThat(alone.get("/x").status()).isEqualTo(504);
            assertThat(alone.errorLog()).contains("upstream timed out (110: Connection timed out) while reading "
                    + "response header from upstream").contains("upstream: \"http://" + slow.address() + "/x\"");
            RawHttp.Response r = pair.get("/x");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("from a");
            assertThat(r.header("X-Status")).isEqualTo("504, 200");
        }
    }

    @Test
    void anUpstreamThatStopsMidResponseCutsTheClientConnection() throws Exception {
        try (FakeUpstream cut = FakeUpstream.start("cut", CUT_MIDWAY);
             TestServer s = proxy("", "location / { proxy_pass http://" + cut.address() + "; }")) {
            // as nginx: the head and what came of the body reach the client, then the connection closes short
            // of the announced length
            try (java.net.Socket c = new java.net.Socket("127.0.0.1", s.port())) {
                c.setSoTimeout(5_000);
                c.getOutputStream().write("GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
                String all = new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(all).startsWith("HTTP/1.1 200 ").containsIgnoringCase("\r\nContent-Length: 1000\r\n")
                        .endsWith("\r\n\r\nonly part of it");
            }
            assertThat(s.errorLog()).contains("upstream prematurely closed connection while reading upstream");
        }
    }

    @Test
    void http500IsRetriedOnlyWhenProxyNextUpstreamSaysSo() throws Exception {
        try (FakeUpstream bad = FakeUpstream.start("bad", STATUS_500);
             FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer retry = proxy("upstream backend { server " + bad.address() + "; server " + a.address()
                     + "; }", "location / { proxy_next_upstream error timeout http_500; proxy_pass http://backend; "
                     + SHOW_TRIES + " }");
             TestServer pass = proxy("upstream backend { server " + bad.address() + "; server " + a.address()
                     + "; }", "location / { proxy_pass http://backend; }")) {
            RawHttp.Response r = retry.get("/x");
            assertThat(r.bodyText()).isEqualTo("from a");
            assertThat(r.header("X-Status")).isEqualTo("500, 200");
            RawHttp.Response passed = pass.get("/x");
            assertThat(passed.status()).isEqualTo(500);
            assertThat(passed.bodyText()).isEqualTo("error from bad");
        }
    }

    @Test
    void theBackupPeerServesOnlyWhenThePrimaryFails() throws Exception {
        try (FakeUpstream primary = FakeUpstream.start("primary", HEALTHY);
             FakeUpstream backup = FakeUpstream.start("backup", HEALTHY);
             TestServer s = proxy("upstream backend { server " + primary.address() + "; server " + backup.address()
                     + " backup; }", "location / { proxy_pass http://backend; }")) {
            assertThat(s.get("/x").bodyText()).isEqualTo("from primary");
            assertThat(s.get("/x").bodyText()).isEqualTo("from primary");
            primary.close();
            assertThat(s.get("/x").bodyText()).isEqualTo("from backup");
        }
    }

    @Test
    void keepaliveReusesUpstreamConnectionsOnlyWhenConfigured() throws Exception {
        try (FakeUpstream kept = FakeUpstream.start("kept", HEALTHY);
             FakeUpstream closedEach = FakeUpstream.start("closed", HEALTHY);
             TestServer s = proxy("upstream kept { server " + kept.address() + "; keepalive 4; }\n"
                     + "upstream closed { server " + closedEach.address() + "; }",
                     "location /k { proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                             + "proxy_pass http://kept; }\n"
                             + "location /c { proxy_pass http://closed; }")) {
            for (int i = 0; i < 5; i++) {
                assertThat(s.get("/k").bodyText()).isEqualTo("from kept");
                assertThat(s.get("/c").bodyText()).isEqualTo("from closed");
            }
            assertThat(kept.connections()).isEqualTo(1);
            assertThat(closedEach.connections()).isEqualTo(5);
            assertThat(kept.requests().getFirst()).contains("GET /k HTTP/1.1").doesNotContain("Connection:");
            assertThat(closedEach.requests().getFirst()).contains("GET /c HTTP/1.0").contains("Connection: close");
        }
    }

    @Test
    void keepaliveRequestsAndTimeoutEndKeptConnections() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             FakeUpstream b = FakeUpstream.start("b", HEALTHY);
             TestServer s = proxy("upstream counted { server " + a.address() + "; keepalive 4; keepalive_requests 2; }"
                     + " upstream brief { server " + b.address() + "; keepalive 4; keepalive_timeout 200ms; }",
                     "location /a { proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                             + "proxy_pass http://counted; }"
                             + " location /b { proxy_http_version 1.1; proxy_set_header Connection \"\"; "
                             + "proxy_pass http://brief; }")) {
            for (int i = 0; i < 6; i++) {
                assertThat(s.get("/a").bodyText()).isEqualTo("from a");
            }
            assertThat(a.connections()).as("two requests per connection").isEqualTo(3);
            assertThat(s.get("/b").status()).isEqualTo(200);
            assertThat(s.get("/b").status()).isEqualTo(200);
            assertThat(b.connections()).isEqualTo(1);
            Thread.sleep(400);
            assertThat(s.get("/b").status()).isEqualTo(200);
            assertThat(b.connections()).as("idle past keepalive_timeout").isEqualTo(2);
        }
    }

    @Test
    void hashConsistentSendsAKeyToOnePeer() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY); FakeUpstream b = FakeUpstream.start("b", HEALTHY);
             TestServer s = proxy("upstream backend { hash $arg_user consistent; server " + a.address() + "; server "
                     + b.address() + "; }", "location / { proxy_pass http://backend; }")) {
            for (String user : new String[] {"ann", "bob", "cy", "dee", "eve", "fay"}) {
                String first = s.get("/x?user=" + user).bodyText();
                for (int i = 0; i < 3; i++) {
                    assertThat(s.get("/x?user=" + user).bodyText()).isEqualTo(first);
                }
            }
            assertThat(a.requests().size() + b.requests().size()).isEqualTo(24);
        }
    }

    @Test
    void proxyNextUpstreamOffAndTriesLimitStopRetrying() throws Exception {
        int closed = FakeUpstream.closedPort();
        String upstream = "upstream backend { server 127.0.0.1:" + closed + "; server 127.0.0.1:" + closed
                + "; server %s; }";
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer off = proxy(upstream.formatted(a.address()), "location / { proxy_next_upstream off; "
                     + "proxy_pass http://backend; " + SHOW_TRIES + " }");
             TestServer two = proxy(upstream.formatted(a.address()), "location / { proxy_next_upstream_tries 2; "
                     + "proxy_pass http://backend; " + SHOW_TRIES + " }")) {
            RawHttp.Response r = off.get("/x");
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.header("X-Addr")).isEqualTo("127.0.0.1:" + closed);
            RawHttp.Response limited = two.get("/x");
            assertThat(limited.status()).isEqualTo(502);
            assertThat(limited.header("X-Status")).isEqualTo("502, 502");
            assertThat(a.requests()).isEmpty();
        }
    }

    @Test
    void aBodyBufferedToATempFileIsPassedWhole() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer s = proxy("", "client_body_buffer_size 8k; location / { proxy_pass http://" + a.address()
                     + "; }")) {
            String body = "0123456789".repeat(10_000);
            RawHttp.Response r = s.request("POST /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            assertThat(r.bodyText()).isEqualTo("from a");
            assertThat(a.requests().getFirst()).contains("Content-Length: 100000").endsWith("\r\n\r\n" + body);
        }
    }

    @Test
    void aPostSentToAPeerThatTimedOutIsNotSentAgainUnlessNonIdempotent() throws Exception {
        String upstream = "upstream backend { server %s; server %s; }";
        try (FakeUpstream slow = FakeUpstream.start("slow", SLOW); FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer once = proxy(upstream.formatted(slow.address(), a.address()),
                     "location / { proxy_read_timeout 300ms; proxy_pass http://backend; }");
             TestServer twice = proxy(upstream.formatted(slow.address(), a.address()),
                     "location / { proxy_read_timeout 300ms; proxy_next_upstream error timeout non_idempotent; "
                             + "proxy_pass http://backend; }")) {
            String post = "POST /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi";
            assertThat(once.request(post).status()).isEqualTo(504);
            assertThat(a.requests()).isEmpty();
            RawHttp.Response r = twice.request(post);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("from a");
        }
    }
}
