package io.jresty.server.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import io.jresty.server.testing.TestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ngx.sleep lets go of the worker: with one worker, a second request runs while the first sleeps. */
class SleepReleasesWorkerTest {
    private static final String CONF = TestServer.serverConf("worker_processes 1;", "lua_shared_dict d 1m;", """
            location /slow {
                content_by_lua_block {
                    ngx.shared.d:set("sleeping", true)
                    ngx.sleep(0.5)
                    ngx.shared.d:set("sleeping", false)
                    ngx.say("slow done")
                }
            }
            location /fast {
                content_by_lua_block {
                    ngx.say("slow is sleeping: ", tostring(ngx.shared.d:get("sleeping")), ", worker ", ngx.worker.id())
                }
            }
            """);

    @Test
    void anotherRequestOfTheSameWorkerCompletesWhileOneSleeps() throws Exception {
        try (TestServer server = TestServer.start(CONF)) {
            CompletableFuture<RawHttp.Response> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.get("/slow");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String fast = "";
            for (int i = 0; i < 40 && !fast.startsWith("slow is sleeping: true"); i++) {
                fast = server.get("/fast").bodyText();
                if (!fast.startsWith("slow is sleeping: true")) {
                    Thread.sleep(10);
                }
            }
            assertThat(fast).isEqualTo("slow is sleeping: true, worker 0\n");
            assertThat(slow).as("the sleeping request is still sleeping when the other one completed").isNotDone();
            assertThat(slow.get(5, TimeUnit.SECONDS).bodyText()).isEqualTo("slow done\n");
        }
    }
}
