=== TEST 1: lua_budget stops a runaway handler with a 500 and the server goes on
--- jresty_only: nginx has no CPU budget for Lua
--- config
lua_budget 50ms;
location /t {
    content_by_lua_block {
        local ok = pcall(function() while true do end end)
        ngx.say("never")
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
content_by_lua(nginx.conf:10) exceeded its budget of 50 ms

=== TEST 2: time spent waiting does not count, a handler within its budget runs to the end
--- jresty_only: nginx has no CPU budget for Lua
--- config
lua_budget 200ms;
location /t {
    content_by_lua_block {
        local s = 0
        for i = 1, 1000 do s = s + i end
        ngx.say(s)
    }
}
--- request
GET /t
--- response_body
500500
