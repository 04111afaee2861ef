=== TEST 1: ngx.sleep waits at least that long in content
--- config
location /t {
    content_by_lua_block {
        local t0 = ngx.now()
        ngx.sleep(0.1)
        local elapsed = ngx.now() - t0
        ngx.say("slept enough: ", elapsed >= 0.09)
    }
}
--- request
GET /t
--- response_body
slept enough: true

=== TEST 2: ngx.sleep works in rewrite and access too, and returns nothing
--- config
location /t {
    rewrite_by_lua_block { ngx.ctx.r = select("#", ngx.sleep(0.01)) }
    access_by_lua_block { ngx.ctx.a = select("#", ngx.sleep(0)) }
    content_by_lua_block { ngx.say(ngx.ctx.r, " ", ngx.ctx.a) }
}
--- request
GET /t
--- response_body
0 0

=== TEST 3: ngx.sleep is disabled in header_filter, body_filter and log
--- config
location /t {
    content_by_lua_block { ngx.say("ok") }
    header_filter_by_lua_block {
        local ok, err = pcall(ngx.sleep, 0.01)
        ngx.log(ngx.ERR, "header_filter: ", err)
    }
    log_by_lua_block {
        local ok, err = pcall(ngx.sleep, 0.01)
        ngx.log(ngx.ERR, "log: ", err)
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
header_filter: API disabled in the context of header_filter_by_lua*
log: API disabled in the context of log_by_lua*

=== TEST 4: a negative duration is an error in whole milliseconds
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.sleep, -1)
        ngx.say(ok, " ", err)
        ok, err = pcall(ngx.sleep, -0.0005)
        ngx.say(ok, " ", err)
    }
}
--- request
GET /t
--- response_body
false invalid sleep duration "-1000"
true nil

=== TEST 5: ngx.sleep takes exactly one argument
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.sleep)
        ngx.say(err)
        ok, err = pcall(ngx.sleep, 0.01, 2)
        ngx.say(err)
        ok, err = pcall(function() ngx.sleep("abc") end)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
attempt to pass 0 arguments, but accepted 1
attempt to pass 2 arguments, but accepted 1
content_by_lua(nginx.conf:9):6: bad argument #1 to 'sleep' (number expected, got string)

=== TEST 6: a numeric string is a duration
--- config
location /t {
    content_by_lua_block {
        ngx.sleep("0.01")
        ngx.say("done")
    }
}
--- request
GET /t
--- response_body
done

=== TEST 7: ngx.sleep inside pcall keeps the request going
--- config
location /t {
    content_by_lua_block {
        local ok = pcall(function() ngx.sleep(0.01); ngx.say("inside") end)
        ngx.say("after ", ok)
    }
}
--- request
GET /t
--- response_body
inside
after true

=== TEST 8: output before and after a sleep arrives in order
--- config
location /t {
    content_by_lua_block {
        ngx.say("before")
        ngx.flush(true)
        ngx.sleep(0.02)
        ngx.say("after")
    }
}
--- request
GET /t
--- response_body
before
after
