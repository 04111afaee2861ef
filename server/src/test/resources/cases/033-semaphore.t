=== TEST 1: a waiting light thread wakes when the entry thread posts
--- config
location /t {
    content_by_lua_block {
        local semaphore = require "ngx.semaphore"
        local sema = semaphore.new()
        local t = ngx.thread.spawn(function()
            ngx.say("waiting")
            local ok, err = sema:wait(1)
            ngx.say("waited: ", ok, " ", err)
        end)
        ngx.say("count while one waits: ", sema:count())
        ngx.say("post: ", sema:post())
        ngx.thread.wait(t)
        ngx.say("count after: ", sema:count())
    }
}
--- request
GET /t
--- response_body
waiting
count while one waits: -1
post: true
waited: true nil
count after: 0

=== TEST 2: wait times out with false and "timeout", or nil when it did not wait at all
--- config
location /t {
    content_by_lua_block {
        local sema = require("ngx.semaphore").new(0)
        local t0 = ngx.now()
        local ok, err = sema:wait(0.05)
        ngx.say(ok, " ", err, " ", ngx.now() - t0 >= 0.04)
        ok, err = sema:wait(0)
        ngx.say(ok, " ", err)
        ngx.say("count: ", sema:count())
    }
}
--- request
GET /t
--- response_body
false timeout true
nil timeout
count: 0

=== TEST 3: resources are taken without waiting while there are some
--- config
location /t {
    content_by_lua_block {
        local sema = require("ngx.semaphore").new(2)
        ngx.say(sema:wait(0), " ", sema:wait(0), " ", select(2, sema:wait(0)))
        sema:post(3)
        ngx.say("count: ", sema:count())
    }
}
--- request
GET /t
--- response_body
true true timeout
count: 3

=== TEST 4: misuse raises lua-resty-core's errors
--- config
location /t {
    content_by_lua_block {
        local semaphore = require "ngx.semaphore"
        local sema = semaphore.new(1)
        local function try(f)
            local ok, err = pcall(f)
            ngx.say(err)
        end
        try(function() local s = semaphore.new(-1) end)
        try(function() local s = sema:post(0) end)
        try(function() local s = sema:wait(-1) end)
        try(function() local s = semaphore.wait({}, 1) end)
        try(function() local s = semaphore.count("x") end)
    }
}
--- request
GET /t
--- response_body
content_by_lua(nginx.conf:9):8: no negative number
content_by_lua(nginx.conf:9):9: positive number required
content_by_lua(nginx.conf:9):10: no negative number
content_by_lua(nginx.conf:9):11: not a semaphore instance
content_by_lua(nginx.conf:9):12: not a semaphore instance

=== TEST 5: a timer of the same worker can post to a request that waits
--- config
location /t {
    content_by_lua_block {
        local sema = require("ngx.semaphore").new()
        ngx.timer.at(0.02, function() sema:post(1) end)
        local ok, err = sema:wait(1)
        ngx.say(ok, " ", err)
    }
}
--- request
GET /t
--- response_body
true nil

=== TEST 6: waiters are served in arrival order
--- config
location /t {
    content_by_lua_block {
        local sema = require("ngx.semaphore").new()
        local order = {}
        local function waiter(name)
            return function()
                local ok = sema:wait(1)
                order[#order + 1] = name
            end
        end
        local a = ngx.thread.spawn(waiter("first"))
        local b = ngx.thread.spawn(waiter("second"))
        sema:post(1)
        ngx.thread.wait(a)
        ngx.say(table.concat(order, ","), " count=", sema:count())
        sema:post(1)
        ngx.thread.wait(b)
        ngx.say(table.concat(order, ","))
    }
}
--- request
GET /t
--- response_body
first count=-1
first,second

=== TEST 7: wait is disabled in header_filter and says so in its return values
--- config
location /t {
    content_by_lua_block { ngx.say("ok") }
    header_filter_by_lua_block {
        local sema = require("ngx.semaphore").new(1)
        local ok, err = sema:wait(0)
        ngx.log(ngx.ERR, "sema wait: ", tostring(ok), " ", err)
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
sema wait: nil API disabled in the context of header_filter_by_lua*
