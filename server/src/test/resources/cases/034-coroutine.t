=== TEST 1: Lua inside a coroutine runs in its request: ngx.say, ngx.var, ngx.ctx
--- config
location /t {
    content_by_lua_block {
        ngx.ctx.name = "ctx value"
        local co = coroutine.create(function(a)
            ngx.say("in coroutine: ", a, " ", ngx.var.uri, " ", ngx.ctx.name, " ", ngx.get_phase())
            local b = coroutine.yield("yielded")
            ngx.say("resumed with ", b)
            return "returned"
        end)
        ngx.say(coroutine.resume(co, "arg"))
        ngx.say(coroutine.status(co))
        ngx.say(coroutine.resume(co, "second"))
        ngx.say(coroutine.status(co))
    }
}
--- request
GET /t
--- response_body
in coroutine: arg /t ctx value content
trueyielded
suspended
resumed with second
truereturned
dead

=== TEST 2: a wrap iterator may sleep between values
--- config
location /t {
    content_by_lua_block {
        local numbers = coroutine.wrap(function()
            for i = 1, 3 do
                ngx.sleep(0.01)
                coroutine.yield(i)
            end
        end)
        local out = {}
        for n in numbers do
            out[#out + 1] = n
        end
        ngx.say(table.concat(out, ","))
    }
}
--- request
GET /t
--- response_body
1,2,3

=== TEST 3: an error in a coroutine comes back from resume with its position
--- config
location /t {
    content_by_lua_block {
        local co = coroutine.create(function() error("inside") end)
        ngx.say(coroutine.resume(co))
        ngx.say(coroutine.resume(co))
    }
}
--- request
GET /t
--- response_body
falsecontent_by_lua(nginx.conf:9):2: inside
falsecannot resume dead coroutine

=== TEST 4: ngx.exit inside a coroutine ends the request
--- config
location /t {
    content_by_lua_block {
        local co = coroutine.wrap(function() ngx.exit(403) end)
        co()
        ngx.say("not reached")
    }
}
--- request
GET /t
--- error_code: 403

=== TEST 5: light threads and coroutines mix: a thread's coroutine sleeps, the entry goes on
--- config
location /t {
    content_by_lua_block {
        local t = ngx.thread.spawn(function()
            local gen = coroutine.wrap(function()
                ngx.sleep(0.02)
                coroutine.yield("from coroutine in thread")
            end)
            return gen()
        end)
        ngx.say("entry went on")
        ngx.say(ngx.thread.wait(t))
    }
}
--- request
GET /t
--- response_body
entry went on
truefrom coroutine in thread
