=== TEST 1: ngx.on_abort a second time in the same handler: nil, "duplicate call"
--- config
location /t {
    lua_check_client_abort on;
    content_by_lua_block {
        local ok, err = ngx.on_abort(function () end)
        ngx.say("first: ", ok, " ", tostring(err))
        ok, err = ngx.on_abort(function () end)
        ngx.say("second: ", tostring(ok), " ", err)
    }
}
--- request
GET /t
--- response_body
first: 1 nil
second: nil duplicate call

=== TEST 2: a callback registered in rewrite is forgotten when rewrite ends: content may register its own
--- config
location /t {
    lua_check_client_abort on;
    rewrite_by_lua_block {
        ngx.ctx.r = ngx.on_abort(function () end)
    }
    content_by_lua_block {
        local ok, err = ngx.on_abort(function () end)
        ngx.say(ngx.ctx.r, " ", ok, " ", tostring(err))
    }
}
--- request
GET /t
--- response_body
1 1 nil

=== TEST 3: a callback with no client abort never runs, and the response is whole
--- config
location /t {
    lua_check_client_abort on;
    content_by_lua_block {
        ngx.on_abort(function () ngx.log(ngx.ERR, "on abort called") end)
        ngx.sleep(0.05)
        ngx.say("done")
    }
    log_by_lua_block { ngx.log(ngx.NOTICE, "status ", ngx.var.status) }
}
--- request
GET /t
--- response_body
done
--- error_log
status 200
--- no_error_log
on abort called
client prematurely closed connection

=== TEST 4: a POST whose body was read is watched and answered as usual
--- config
location /t {
    lua_check_client_abort on;
    content_by_lua_block {
        ngx.req.read_body()
        ngx.on_abort(function () ngx.log(ngx.ERR, "on abort called") end)
        ngx.sleep(0.05)
        ngx.say(ngx.req.get_body_data())
    }
}
--- request
POST /t
hello
--- response_body
hello
--- no_error_log
on abort called

=== TEST 5: the callback may be registered from a light thread
--- config
location /t {
    lua_check_client_abort on;
    content_by_lua_block {
        local t = ngx.thread.spawn(function ()
            return ngx.on_abort(function () end)
        end)
        local ok, res, err = ngx.thread.wait(t)
        ngx.say(ok, " ", res, " ", tostring(err))
        ngx.say(select(2, ngx.on_abort(function () end)))
    }
}
--- request
GET /t
--- response_body
true 1 nil
duplicate call
