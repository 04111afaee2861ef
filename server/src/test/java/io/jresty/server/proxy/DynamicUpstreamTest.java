package io.jresty.server.proxy;

import static io.jresty.server.proxy.FakeUpstream.Mode.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jresty.server.testing.TestServer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** require "jresty.upstream": peers replaced at run time, active and passive health in the status JSON. */
class DynamicUpstreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = """
            location = /status { content_by_lua_block { ngx.print(require("jresty.upstream").status()) } }
            location = /set {
                content_by_lua_block {
                    local upstream = require "jresty.upstream"
                    local ok, err = upstream.set_servers("backend", { ngx.var.arg_peer })
                    local servers = upstream.get_servers("backend")
                    ngx.say(ok, " ", err, " ", #servers, " ", servers[1].host, ":", servers[1].port)
                    ngx.say(upstream.set_servers("nosuch", { ngx.var.arg_peer }))
                }
            }
            location = /check {
                content_by_lua_block {
                    ngx.say(require("jresty.upstream").health_check("backend",
                        { path = "/health", interval = 0.05, timeout = 0.5, rise = 2, fall = 2 }))
                }
            }
            location / { proxy_pass http://backend; }
            """;

    @Test
    void setServersMovesTrafficWithoutAReload() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY); FakeUpstream b = FakeUpstream.start("b", HEALTHY);
             TestServer s = TestServer.start(TestServer.serverConf(null,
                     "upstream backend { server " + a.address() + "; }", ADMIN))) {
            assertThat(s.get("/x").bodyText()).isEqualTo("from a");
            assertThat(s.get("/set?peer=" + b.address()).bodyText())
                    .isEqualTo("true nil 1 " + b.address() + "\nnilupstream not found\n");
            assertThat(s.get("/x").bodyText()).isEqualTo("from b");
            assertThat(s.get("/x").bodyText()).isEqualTo("from b");
            JsonNode peers = status(s).path("upstreams").path("backend").path("peers");
            assertThat(peers).hasSize(1);
            assertThat(peers.get(0).path("server").asText()).isEqualTo(b.address());
        }
    }

    @Test
    void activeChecksTakeAFailingPeerOutAndBringItBack() throws Exception {
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY); FakeUpstream b = FakeUpstream.start("b", HEALTHY);
             TestServer s = TestServer.start(TestServer.serverConf(null,
                     "upstream backend { server " + a.address() + "; server " + b.address() + "; }", ADMIN))) {
            assertThat(s.get("/check").bodyText()).isEqualTo("true\n");
            b.healthStatus(500);
            awaitPeer(s, b.address(), p -> p.path("state").asText().equals("unhealthy"));
            int before = b.requests().size();
            for (int i = 0; i < 6; i++) {
                assertThat(s.get("/x").bodyText()).isEqualTo("from a");
            }
            assertThat(b.requests()).hasSize(before);
            assertThat(s.errorLog())
                    .contains("healthcheck: peer " + b.address() + " is turned down after 2 failure(s)");
            b.healthStatus(200);
            awaitPeer(s, b.address(), p -> p.path("state").asText().equals("up"));
            assertThat(s.errorLog()).contains("healthcheck: peer " + b.address() + " is turned up after 2 success(es)");
            for (int i = 0; i < 4; i++) {
                s.get("/x");
            }
            assertThat(b.requests()).hasSize(before + 2);
        }
    }

    @Test
    void passiveFailuresShowInTheStatus() throws Exception {
        int closed = FakeUpstream.closedPort();
        try (FakeUpstream a = FakeUpstream.start("a", HEALTHY);
             TestServer s = TestServer.start(TestServer.serverConf(null, "upstream backend { server 127.0.0.1:"
                     + closed + " max_fails=1 fail_timeout=30s; server " + a.address() + "; }", ADMIN))) {
            assertThat(s.get("/x").bodyText()).isEqualTo("from a");
            JsonNode peers = status(s).path("upstreams").path("backend").path("peers");
            assertThat(peers.get(0).path("state").asText()).isEqualTo("failed");
            assertThat(peers.get(0).path("fails").asInt()).isEqualTo(1);
            assertThat(peers.get(1).path("state").asText()).isEqualTo("up");
            assertThat(peers.get(1).path("requests").asInt()).isEqualTo(1);
        }
    }

    private static JsonNode status(TestServer s) throws Exception {
        return JSON.readTree(s.get("/status").bodyText());
    }

    /** Waits (at most 10 s) until the peer's status entry matches; the checks run every 50 ms. */
    private static void awaitPeer(TestServer s, String address, Predicate<JsonNode> state) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode p : status(s).path("upstreams").path("backend").path("peers")) {
                if (p.path("server").asText().equals(address)) {
                    last = p;
                    if (state.test(p)) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("peer " + address + " never reached the state; last: " + last);
    }
}
