=== TEST 1: spawn runs the new thread first until it waits, then the parent goes on
--- config
location /t {
    content_by_lua_block {
        local function work(name)
            ngx.say(name, " start")
            ngx.sleep(0.01)
            ngx.say(name, " end")
            return name .. " result", 2
        end
        ngx.say("before spawn")
        local t = ngx.thread.spawn(work, "a")
        ngx.say("after spawn, a ", type(t))
        local ok, res, n = ngx.thread.wait(t)
        ngx.say("wait: ", ok, " ", res, " ", n)
    }
}
--- request
GET /t
--- response_body
before spawn
a start
after spawn, a thread
a end
wait: true a result 2

=== TEST 2: wait returns true and the thread's results; a second wait says it was waited for
--- config
location /t {
    content_by_lua_block {
        local t = ngx.thread.spawn(function(x, y) ngx.sleep(0.01) return x + y, "sum" end, 2, 3)
        ngx.say(ngx.thread.wait(t))
        ngx.say(ngx.thread.wait(t))
    }
}
--- request
GET /t
--- response_body
true5sum
nilalready waited or killed

=== TEST 3: a thread that never waits runs to its end inside spawn
--- config
location /t {
    content_by_lua_block {
        local order = {}
        local t = ngx.thread.spawn(function() order[#order + 1] = "child" return "done" end)
        order[#order + 1] = "parent"
        ngx.say(table.concat(order, ","))
        ngx.say(ngx.thread.wait(t))
    }
}
--- request
GET /t
--- response_body
child,parent
truedone

=== TEST 4: wait on several threads returns the first to finish
--- config
location /t {
    content_by_lua_block {
        local slow = ngx.thread.spawn(function() ngx.sleep(0.1) return "slow" end)
        local fast = ngx.thread.spawn(function() ngx.sleep(0.01) return "fast" end)
        ngx.say(ngx.thread.wait(slow, fast))
        ngx.say(ngx.thread.wait(slow, fast))
    }
}
--- request
GET /t
--- response_body
truefast
nilalready waited or killed

=== TEST 5: an error in a light thread is logged and wait returns false and the message
--- config
location /t {
    content_by_lua_block {
        local t = ngx.thread.spawn(function() ngx.sleep(0.01) error("thread went wrong") end)
        local ok, err = ngx.thread.wait(t)
        ngx.say(ok, " ", err:find("thread went wrong", 1, true) ~= nil)
        t = ngx.thread.spawn(function() error("at once") end)
        ok, err = ngx.thread.wait(t)
        ngx.say(ok, " ", err:find("at once", 1, true) ~= nil)
    }
}
--- request
GET /t
--- response_body
false true
false true
--- error_log
lua user thread aborted: runtime error: content_by_lua(nginx.conf:9):2: thread went wrong
lua user thread aborted: runtime error: content_by_lua(nginx.conf:9):5: at once

=== TEST 6: kill ends a waiting thread; it never runs again
--- config
location /t {
    content_by_lua_block {
        local t = ngx.thread.spawn(function()
            ngx.sleep(0.05)
            ngx.say("killed thread woke up")
        end)
        ngx.say("kill: ", ngx.thread.kill(t))
        ngx.say("kill again: ", table.concat({tostring(select(1, ngx.thread.kill(t))), select(2, ngx.thread.kill(t))}, " "))
        ngx.say("wait: ", table.concat({tostring(select(1, ngx.thread.wait(t))), select(2, ngx.thread.wait(t))}, " "))
        ngx.sleep(0.1)
        ngx.say("end")
    }
}
--- request
GET /t
--- response_body
kill: 1
kill again: nil already waited or killed
wait: nil already waited or killed
end

=== TEST 7: killing a finished thread that nobody waited for says so
--- config
location /t {
    content_by_lua_block {
        local t = ngx.thread.spawn(function() return 1 end)
        ngx.say(ngx.thread.kill(t))
    }
}
--- request
GET /t
--- response_body
nilalready terminated

=== TEST 8: the handler ends only when its light threads have
--- config
location /t {
    content_by_lua_block {
        ngx.thread.spawn(function()
            ngx.sleep(0.05)
            ngx.say("thread finished later")
        end)
        ngx.say("handler returns")
    }
}
--- request
GET /t
--- response_body
handler returns
thread finished later

=== TEST 9: a light thread shares the request, ngx.ctx and the phase
--- config
location /t {
    rewrite_by_lua_block {
        ngx.ctx.from = "rewrite"
        local t = ngx.thread.spawn(function()
            ngx.sleep(0.01)
            ngx.ctx.thread = ngx.get_phase() .. " " .. ngx.var.uri .. " " .. ngx.ctx.from
        end)
        ngx.thread.wait(t)
    }
    content_by_lua_block {
        ngx.say(ngx.ctx.thread)
    }
}
--- request
GET /t
--- response_body
rewrite /t rewrite

=== TEST 10: wait and kill reject what is no light thread
--- config
location /t {
    content_by_lua_block {
        local function try(f)
            local ok, err = pcall(f)
            ngx.say(err)
        end
        try(function() local r = ngx.thread.wait() end)
        try(function() local r = ngx.thread.wait("x") end)
        try(function() local r = ngx.thread.wait(coroutine.create(function() end)) end)
        try(function() local r = ngx.thread.spawn("x") end)
        ngx.say(ngx.thread.kill(coroutine.create(function() end)))
    }
}
--- request
GET /t
--- response_body
content_by_lua(nginx.conf:9):6: at least one coroutine should be specified
content_by_lua(nginx.conf:9):7: bad argument #1 to 'wait' (lua thread expected)
content_by_lua(nginx.conf:9):8: attempt to wait on a coroutine that is not a user thread
content_by_lua(nginx.conf:9):9: bad argument #1 to 'spawn' (Lua function expected)
nilnot user thread

=== TEST 11: only the parent may wait for or kill a thread
--- config
location /t {
    content_by_lua_block {
        local a = ngx.thread.spawn(function() ngx.sleep(0.05) end)
        local b = ngx.thread.spawn(function()
            local ok, err = pcall(function() local r = ngx.thread.wait(a) end)
            ngx.say("wait: ", err)
            ngx.say("kill: ", table.concat({tostring(select(1, ngx.thread.kill(a))), select(2, ngx.thread.kill(a))}, " "))
        end)
        ngx.thread.wait(a, b)
        ngx.thread.wait(a, b)
    }
}
--- request
GET /t
--- response_body
wait: content_by_lua(nginx.conf:9):4: only the parent coroutine can wait on the thread
kill: nil killer not parent

=== TEST 12: light threads work in a timer
--- config
location /t {
    content_by_lua_block {
        local out = {}
        ngx.timer.at(0, function()
            local t = ngx.thread.spawn(function() ngx.sleep(0.01) return ngx.get_phase() end)
            out.ok, out.res = ngx.thread.wait(t)
        end)
        -- wait for the timer, up to 2 s: a loaded machine may take longer than a fixed pause
        for _ = 1, 200 do
            if out.ok ~= nil then break end
            ngx.sleep(0.01)
        end
        ngx.say(out.ok, " ", out.res)
    }
}
--- request
GET /t
--- response_body
true timer

=== TEST 13: spawn is disabled in header_filter
--- config
location /t {
    content_by_lua_block { ngx.say("ok") }
    header_filter_by_lua_block {
        local ok, err = pcall(ngx.thread.spawn, function() end)
        ngx.log(ngx.ERR, "spawn: ", err)
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
spawn: API disabled in the context of header_filter_by_lua*

=== TEST 14: ngx.exit in a light thread ends the whole request
--- config
location /t {
    content_by_lua_block {
        ngx.thread.spawn(function()
            ngx.sleep(0.01)
            ngx.exit(403)
        end)
        ngx.sleep(0.2)
        ngx.say("entry thread went on")
    }
}
--- request
GET /t
--- error_code: 403

=== TEST 15: threads spawned by a thread run, and the handler waits for all of them
--- config
location /t {
    content_by_lua_block {
        ngx.thread.spawn(function()
            ngx.thread.spawn(function()
                ngx.sleep(0.03)
                ngx.say("grandchild")
            end)
        end)
        ngx.say("entry")
    }
}
--- request
GET /t
--- response_body
entry
grandchild

=== TEST 16: ngx.exit in the entry thread aborts its light threads
--- config
location /t {
    content_by_lua_block {
        ngx.thread.spawn(function()
            ngx.sleep(0.01)
            ngx.log(ngx.ERR, "light thread survived the exit")
        end)
        ngx.say("bye")
        ngx.exit(200)
    }
}
--- request
GET /t
--- response_body
bye
--- no_error_log
light thread survived the exit

=== TEST 17: an error in the entry thread aborts its light threads too
--- config
location /t {
    content_by_lua_block {
        ngx.thread.spawn(function()
            ngx.sleep(0.01)
            ngx.log(ngx.ERR, "light thread survived the error")
        end)
        error("entry fails")
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
entry fails
--- no_error_log
light thread survived the error
