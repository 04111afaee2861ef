package io.jresty.server.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** At server stop, pending timers run at once with premature = true, as nginx's exiting workers do. */
class TimerShutdownTest {
    @Test
    void pendingTimersFirePrematurelyWhenTheServerStops() throws Exception {
        TestServer server = TestServer.start(TestServer.serverConf(null, null, """
                location /t {
                    content_by_lua_block {
                        ngx.timer.at(30, function(premature, name)
                            ngx.log(ngx.ERR, name, " premature=", tostring(premature),
                                    " exiting=", tostring(ngx.worker.exiting()), " phase=", ngx.get_phase())
                        end, "long")
                        ngx.timer.every(30, function(premature)
                            ngx.log(ngx.ERR, "every premature=", tostring(premature))
                        end)
                        ngx.say("pending ", ngx.timer.pending_count())
                    }
                }
                """));
        assertThat(server.get("/t").bodyText()).isEqualTo("pending 2\n");
        assertThat(server.errorLog()).doesNotContain("premature=");
        long start = System.nanoTime();
        server.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(server.errorLog())
                .contains("long premature=true exiting=true phase=timer")
                .contains("every premature=true");
        assertThat(server.errorLog().split("every premature=", -1)).as("an every timer fires once at stop").hasSize(2);
        assertThat(tookMillis).as("stop does not wait for the 30 s delay").isLessThan(5_000);
    }

    @Test
    void aTimerCreatedWhileExitingWithADelayIsRefused() throws Exception {
        TestServer server = TestServer.start(TestServer.serverConf(null, null, """
                location /t {
                    content_by_lua_block {
                        ngx.timer.at(30, function(premature)
                            local ok, err = ngx.timer.at(1, function() end)
                            ngx.log(ngx.ERR, "delayed: ", tostring(ok), " ", tostring(err))
                            ok, err = ngx.timer.at(0, function(p)
                                ngx.log(ngx.ERR, "zero delay ran, premature=", tostring(p))
                            end)
                            ngx.log(ngx.ERR, "zero: ", tostring(ok), " ", tostring(err))
                        end)
                        ngx.say("ok")
                    }
                }
                """));
        server.get("/t");
        long start = System.nanoTime();
        server.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(server.errorLog())
                .contains("delayed: nil process exiting")
                .contains("zero: 1 nil")
                .contains("zero delay ran, premature=false");
        assertThat(tookMillis).isLessThan(2_000);
    }
}
