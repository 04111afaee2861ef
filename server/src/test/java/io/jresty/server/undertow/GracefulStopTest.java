package io.jresty.server.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A stop (what SIGTERM/SIGINT do) lets the requests in flight finish. */
class GracefulStopTest {
    @Test
    void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
        TestServer server = TestServer.start(TestServer.serverConf(null, null, """
                location /slow {
                    content_by_lua_block { ngx.log(ngx.ERR, "slow began") ngx.sleep(0.5) ngx.say("finished") }
                }
                """));
        CompletableFuture<RawHttp.Response> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return server.get("/slow");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // stop only once the request is in the handler: a fixed pause loses that race on a loaded machine
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.errorLog().contains("slow began") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long began = System.nanoTime();
        server.close();
        RawHttp.Response r = inFlight.get();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("finished\n");
        // close waited for it rather than cutting it off
        assertThat(System.nanoTime() - began).isGreaterThan(100_000_000L);
    }
}
