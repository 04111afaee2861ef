package io.jresty.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cosocket wait gives the worker to other requests, as a yielding cosocket call does in
 * nginx: with one worker, a request blocked on a slow peer does not hold up the next one.
 */
class WorkerLockReleaseTest {
    @Test
    void aRequestWaitingOnASocketReadLetsAnotherRequestOfTheSameWorkerRun() throws Exception {
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch otherServed = new CountDownLatch(1);
        // the peer answers only once the second request was served: without the lock
        // released, that never happens and the slow request reads a timeout instead
        try (TestPeer slow = TestPeer.start(s -> {
            accepted.countDown();
            boolean served = otherServed.await(8, TimeUnit.SECONDS);
            s.getOutputStream().write((served ? "late answer\n" : "too late\n").getBytes(StandardCharsets.UTF_8));
        }); TestServer server = TestServer.start(TestServer.serverConf("worker_processes 1;", null, """
                location /slow {
                    content_by_lua_block {
                        local sock = ngx.socket.tcp()
                        sock:settimeout(10000)
                        assert(sock:connect("127.0.0.1", %d))
                        ngx.say("slow got: ", sock:receive())
                    }
                }
                location /fast {
                    content_by_lua_block { ngx.say("fast") }
                }
                """.formatted(slow.port())))) {
            CompletableFuture<RawHttp.Response> slowResponse = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.get("/slow");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(accepted.await(5, TimeUnit.SECONDS)).isTrue();

            RawHttp.Response fast = server.get("/fast");
            assertThat(fast.bodyText()).isEqualTo("fast\n");
            assertThat(slowResponse.isDone()).isFalse();
            otherServed.countDown();

            assertThat(slowResponse.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("slow got: late answer\n");
        }
    }
}
