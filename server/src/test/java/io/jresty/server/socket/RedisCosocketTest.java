package io.jresty.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's lua-resty-redis (nginx.redis), unchanged, over jresty's cosockets against a real
 * redis-server: commands, pipelines, error replies and keepalive reuse across requests.
 */
class RedisCosocketTest {
    private static RedisServer redis;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        String prelude = """
                local redis = require "nginx.redis"
                local red = redis:new()
                red:set_timeout(2000)
                local ok, err = red:connect("127.0.0.1", %d)
                if not ok then
                    ngx.say("failed to connect: ", err)
                    return
                end
                """.formatted(redis.port());
        server = TestServer.start(TestServer.serverConf("worker_processes 1;",
                "lua_package_path \"/usr/share/lua/5.1/?.lua;;\";", """
                location /set-get {
                    content_by_lua_block {
                %s
                        ngx.say("set: ", red:set("dog", "an animal"))
                        ngx.say("get: ", red:get("dog"))
                        ngx.say("missing: ", red:get("no-such-key") == ngx.null)
                        red:del("list")
                        ngx.say("rpush: ", red:rpush("list", "a", "b", "c"))
                        ngx.say("lrange: ", table.concat(red:lrange("list", 0, -1), ","))
                        red:close()
                    }
                }
                location /pipeline {
                    content_by_lua_block {
                %s
                        red:init_pipeline()
                        red:set("cat", "Marry")
                        red:set("horse", "Bob")
                        red:get("cat")
                        red:get("horse")
                        red:incr("counter-" .. ngx.var.arg_n)
                        local results, err = red:commit_pipeline()
                        if not results then
                            ngx.say("failed to commit: ", err)
                            return
                        end
                        for i, res in ipairs(results) do
                            ngx.say(i, ": ", type(res) == "table" and ("error " .. tostring(res[2])) or res)
                        end
                        red:close()
                    }
                }
                location /error-reply {
                    content_by_lua_block {
                %s
                        red:set("word", "not a number")
                        local res, err = red:incr("word")
                        ngx.say("incr: ", res, " ", err)
                        ngx.say("still usable: ", red:get("word"))
                        red:close()
                    }
                }
                location /keepalive {
                    content_by_lua_block {
                %s
                        ngx.say("reused: ", red:get_reused_times())
                        ngx.say("ping: ", red:ping())
                        ngx.say("keepalive: ", red:set_keepalive(10000, 10))
                    }
                }
                """.formatted(prelude, prelude, prelude, prelude)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void setGetListsAndNullReplies() throws Exception {
        assertThat(server.get("/set-get").bodyText()).isEqualTo("""
                set: OK
                get: an animal
                missing: true
                rpush: 3
                lrange: a,b,c
                """);
    }

    @Test
    void aPipelineSendsAllCommandsAndReadsAllReplies() throws Exception {
        String n = String.valueOf(System.nanoTime());
        assertThat(server.get("/pipeline?n=" + n).bodyText()).isEqualTo("""
                1: OK
                2: OK
                3: Marry
                4: Bob
                5: 1
                """);
    }

    @Test
    void anErrorReplyIsReturnedAndTheConnectionStaysUsable() throws Exception {
        assertThat(server.get("/error-reply").bodyText()).isEqualTo("""
                incr: false ERR value is not an integer or out of range
                still usable: not a number
                """);
    }

    @Test
    void setKeepaliveLetsTheNextRequestReuseTheConnection() throws Exception {
        String first = server.get("/keepalive").bodyText();
        assertThat(first).endsWith("ping: PONG\nkeepalive: 1\n");
        int before = reused(first);
        String second = server.get("/keepalive").bodyText();
        assertThat(reused(second)).isEqualTo(before + 1).isPositive();
        assertThat(reused(server.get("/keepalive").bodyText())).isEqualTo(before + 2);
    }

    private static int reused(String body) {
        return Integer.parseInt(body.lines().findFirst().orElseThrow().substring("reused: ".length()));
    }
}
