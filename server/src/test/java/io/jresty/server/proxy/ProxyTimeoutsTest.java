package io.jresty.server.proxy;

import static io.jresty.server.proxy.FakeUpstream.Mode.HEALTHY;
import static io.jresty.server.proxy.FakeUpstream.Mode.NOT_READING;
import static io.jresty.server.proxy.FakeUpstream.Mode.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Send timeouts, timeouts set by balancer_by_lua, and least_conn against busy peers. */
class ProxyTimeoutsTest {
    @Test
    void anUpstreamThatStopsReadingHitsProxySendTimeout() throws Exception {
        try (FakeUpstream deaf = FakeUpstream.start("deaf", NOT_READING);
             TestServer s = TestServer.start(TestServer.serverConf(null, "", "client_max_body_size 64m; "
                     + "location / { proxy_send_timeout 300ms; proxy_pass http://" + deaf.address() + "; }"))) {
            byte[] body = new byte[32 * 1024 * 1024];
            String head = "POST /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            byte[] raw = new byte[head.length() + body.length];
            System.arraycopy(head.getBytes(), 0, raw, 0, head.length());
            RawHttp.Response r = RawHttp.exchange(s.port(), raw, 20_000);
            assertThat(r.status()).as(s.errorLog()).isEqualTo(504);
            assertThat(s.errorLog()).contains("upstream timed out (110: Connection timed out) while sending request "
                    + "to upstream");
        }
    }

    @Test
    void balancerSetTimeoutsOverridesTheConfsReadTimeout() throws Exception {
        try (FakeUpstream slow = FakeUpstream.start("slow", SLOW);
             TestServer s = TestServer.start(TestServer.serverConf(null, """
                     upstream dyn {
                         server 0.0.0.1;
                         balancer_by_lua_block {
                             local balancer = require "ngx.balancer"
                             assert(balancer.set_timeouts(1, 1, 0.2))
                             assert(balancer.set_current_peer("127.0.0.1", %d))
                         }
                     }
                     """.formatted(slow.port()), "location / { proxy_read_timeout 60s; proxy_pass http://dyn; }"))) {
            // with the conf's 60 s the slow peer's answer (after 2 s) would come through as a 200
            assertThat(s.get("/x").status()).isEqualTo(504);
            assertThat(s.errorLog()).contains("while reading response header from upstream");
        }
    }

    @Test
    void leastConnSendsNewRequestsAwayFromABusyPeer() throws Exception {
        try (FakeUpstream slow = FakeUpstream.start("slow", SLOW);
             FakeUpstream fast = FakeUpstream.start("fast", HEALTHY);
             TestServer s = TestServer.start(TestServer.serverConf(null, "upstream backend { least_conn; server "
                     + slow.address() + "; server " + fast.address() + "; }",
                     "location / { proxy_pass http://backend; }"))) {
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            Future<RawHttp.Response> busy = pool.submit(() -> s.get("/busy"));
            while (slow.requests().isEmpty()) {
                Thread.sleep(10);
            }
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bodies.add(s.get("/x").bodyText());
            }
            assertThat(bodies).containsOnly("from fast");
            assertThat(busy.get().bodyText()).isEqualTo("late from slow");
            pool.shutdown();
        }
    }

    @Test
    void withProxyBufferingOffTheFirstPartReachesTheClientBeforeTheUpstreamEnds() throws Exception {
        try (FakeUpstream parts = FakeUpstream.start("parts", FakeUpstream.Mode.IN_TWO_PARTS);
             TestServer s = TestServer.start(TestServer.serverConf(null, "", "location / { proxy_buffering off; "
                     + "proxy_pass http://" + parts.address() + "; }"));
             java.net.Socket client = new java.net.Socket("127.0.0.1", s.port())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            java.io.InputStream in = client.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("first ")) {
                int c = in.read();
                assertThat(c).as("response so far: " + seen).isNotNegative();
                seen.append((char) c);
            }
            // only now may the upstream finish: with buffering, the test would wait here in vain
            parts.secondPart.countDown();
            seen.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            assertThat(seen.toString()).startsWith("HTTP/1.1 200").contains("second");
        }
    }
}
