=== TEST 1: phases run in nginx's order and share ngx.ctx
--- config
location /t {
    rewrite_by_lua_block { ngx.ctx.trail = "rewrite" }
    access_by_lua_block { ngx.ctx.trail = ngx.ctx.trail .. ",access" }
    content_by_lua_block { ngx.say(ngx.ctx.trail, ",content ", ngx.get_phase()) }
    log_by_lua_block { ngx.log(ngx.ERR, "trail in log: ", ngx.ctx.trail, " phase ", ngx.get_phase()) }
}
--- request
GET /t
--- response_body
rewrite,access,content content
--- error_log
trail in log: rewrite,access phase log

=== TEST 2: access can deny, and header_filter still runs on the error page
--- config
location /t {
    access_by_lua_block { ngx.exit(ngx.HTTP_FORBIDDEN) }
    header_filter_by_lua_block { ngx.header["Access-Control-Allow-Origin"] = "*" }
    content_by_lua_block { ngx.say("secret") }
}
--- request
GET /t
--- error_code: 403
--- response_headers
Access-Control-Allow-Origin: *

=== TEST 3: ngx.exit(ngx.OK) in access goes on to content
--- config
location /t {
    access_by_lua_block { ngx.exit(ngx.OK) }
    content_by_lua_block { ngx.say("content ran") }
}
--- request
GET /t
--- response_body
content ran

=== TEST 4: header_filter runs inside the first output call
--- config
location /t {
    content_by_lua_block {
        ngx.ctx.order = "content"
        ngx.say("first")
        ngx.say(ngx.ctx.order)
    }
    header_filter_by_lua_block {
        ngx.ctx.order = ngx.ctx.order .. ",header_filter"
        ngx.header["X-Phase"] = ngx.get_phase()
    }
}
--- request
GET /t
--- response_body
first
content,header_filter
--- response_headers
X-Phase: header_filter

=== TEST 5: body_filter sees each chunk and the final eof call
--- config
location /t {
    content_by_lua_block {
        ngx.say("one")
        ngx.say("two")
    }
    body_filter_by_lua_block {
        ngx.ctx.calls = (ngx.ctx.calls or 0) + 1
        ngx.arg[1] = string.upper(ngx.arg[1])
        if ngx.arg[2] then
            ngx.arg[1] = ngx.arg[1] .. "calls=" .. ngx.ctx.calls .. "\n"
        end
    }
}
--- request
GET /t
--- response_body
ONE
TWO
calls=3

=== TEST 6: body_filter can end the body early
--- config
location /t {
    content_by_lua_block {
        ngx.say("keep")
        ngx.say("drop")
    }
    body_filter_by_lua_block {
        if ngx.arg[1] == "keep\n" then ngx.arg[2] = true end
    }
}
--- request
GET /t
--- response_body
keep

=== TEST 7: ngx.exit in header_filter does not unwind and ends with an empty body
--- config
location /t {
    content_by_lua_block { ngx.say("body") }
    header_filter_by_lua_block {
        ngx.exit(418)
        ngx.header["X-After-Exit"] = "yes"
    }
}
--- request
GET /t
--- error_code: 418
--- response_body chomp
--- response_headers
X-After-Exit: yes

=== TEST 8: handlers are inherited from server and overridden by location
--- config
rewrite_by_lua_block { ngx.ctx.level = "server" }
location /inherit {
    content_by_lua_block { ngx.say(ngx.ctx.level) }
}
location /override {
    rewrite_by_lua_block { ngx.ctx.level = "location" }
    content_by_lua_block { ngx.say(ngx.ctx.level) }
}
--- request
GET /override
--- response_body
location

=== TEST 9: a runtime error gives 500 and a log line with the chunk name
--- config
location /t {
    content_by_lua_block {
        local x = nil
        error("boom")
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
lua entry thread aborted: runtime error: content_by_lua(nginx.conf:9):3: boom

=== TEST 10: init_by_lua globals are seen by requests, init_worker_by_lua runs
--- http_config
init_by_lua_block { greeting = "hi from init" }
init_worker_by_lua_block { worker_started = ngx.get_phase() }
--- config
location /t {
    content_by_lua_block { ngx.say(greeting, " ", worker_started) }
}
--- request
GET /t
--- response_body
hi from init init_worker

=== TEST 11: set_by_lua with arguments
--- config
location /t {
    set $a 32;
    set_by_lua $sum 'return tonumber(ngx.arg[1]) + tonumber(ngx.arg[2])' $a 10;
    content_by_lua_block { ngx.say("sum=", ngx.var.sum) }
}
--- request
GET /t
--- response_body
sum=42

=== TEST 12: the global print logs at notice level
--- config
location /t {
    content_by_lua_block { print("printed ", 42) ngx.say("ok") }
}
--- request
GET /t
--- response_body
ok
--- error_log
[notice]
printed 42

=== TEST 13: Lua that does not compile fails the requests that reach it, not the server
--- config
location /bad {
    content_by_lua_block { ngx.say( }
}
location /good {
    content_by_lua_block { ngx.say("good") }
}
--- request
GET /bad
--- error_code: 500
--- error_log
failed to load inlined Lua code: content_by_lua(nginx.conf:9):1:
