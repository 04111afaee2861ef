=== TEST 1: a cosocket in an ngx.timer callback
--- http_config
lua_shared_dict results 1m;
--- config
location /hello {
    default_type text/plain;
    return 200 "from timer";
}
location /t {
    content_by_lua_block {
        local ok, err = ngx.timer.at(0, function(premature)
            local sock = ngx.socket.tcp()
            local ok, err = sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT)
            if not ok then
                ngx.shared.results:set("timer", "connect failed: " .. err)
                return
            end
            sock:send("GET /hello HTTP/1.0\r\nHost: localhost\r\n\r\n")
            sock:receiveuntil("\r\n\r\n")()
            ngx.shared.results:set("timer", sock:receive("*a"))
            sock:close()
        end)
        for i = 1, 50 do
            local v = ngx.shared.results:get("timer")
            if v then
                ngx.say("timer got: ", v)
                return
            end
            ngx.sleep(0.02)
        end
        ngx.say("timer did not finish")
    }
}
--- request
GET /t
--- response_body
timer got: from timer

=== TEST 2: light threads read two sockets at once
--- config
location /a {
    default_type text/plain;
    return 200 "aaa";
}
location /b {
    default_type text/plain;
    return 200 "bbb";
}
location /t {
    content_by_lua_block {
        local function fetch(path)
            local sock = ngx.socket.tcp()
            assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
            sock:send("GET " .. path .. " HTTP/1.0\r\nHost: localhost\r\n\r\n")
            sock:receiveuntil("\r\n\r\n")()
            local body = sock:receive("*a")
            sock:close()
            return body
        end
        local a = ngx.thread.spawn(fetch, "/a")
        local b = ngx.thread.spawn(fetch, "/b")
        local ok1, ra = ngx.thread.wait(a)
        local ok2, rb = ngx.thread.wait(b)
        ngx.say(ok1, " ", ra, " ", ok2, " ", rb)
    }
}
--- request
GET /t
--- response_body
true aaa true bbb

=== TEST 3: a light thread waiting on a socket read can be killed
--- config
location /t {
    content_by_lua_block {
        local reached = "no"
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        local t = ngx.thread.spawn(function()
            sock:settimeout(5000)
            local line, err = sock:receive()
            reached = "yes: " .. tostring(err)
        end)
        ngx.sleep(0.05)
        ngx.say("kill: ", ngx.thread.kill(t))
        ngx.sleep(0.05)
        ngx.say("after the read: ", reached)
    }
}
--- request
GET /t
--- response_body
kill: 1
after the read: no
