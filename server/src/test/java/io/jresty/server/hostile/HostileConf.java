package io.jresty.server.hostile;

import io.jresty.server.testing.TestServer;

/** The conf the hostile-input tests run: small timeouts (1s) so a slow client costs little time. */
final class HostileConf {
    private HostileConf() {}

    static String conf(String main, String http) {
        return TestServer.serverConf(main, """
                client_header_timeout 1s;
                client_body_timeout 1s;
                send_timeout 1s;
                keepalive_timeout 3s;
                client_max_body_size 10;
                """ + http, """
                location /ok { content_by_lua_block { ngx.say("ok") } }
                location /body {
                    content_by_lua_block {
                        ngx.req.read_body()
                        ngx.say("got ", #(ngx.req.get_body_data() or ""))
                    }
                }
                location /big { content_by_lua_block { ngx.print(string.rep("x", 8 * 1024 * 1024)) } }
                """);
    }

    static String conf() {
        return conf("", "");
    }
}
