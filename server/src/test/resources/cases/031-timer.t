=== TEST 1: ngx.timer.at runs the callback later in the timer phase with premature false and the extra arguments
--- config
location /t {
    content_by_lua_block {
        local seen = {}
        local ok, err = ngx.timer.at(0, function(premature, a, b)
            seen.text = table.concat({tostring(premature), ngx.get_phase(), a, b}, " ")
        end, "one", "two")
        ngx.say("created: ", ok, " ", err)
        ngx.say("before: ", seen.text)
        ngx.sleep(0.05)
        ngx.say("after: ", seen.text)
    }
}
--- request
GET /t
--- response_body
created: 1 nil
before: nil
after: false timer one two

=== TEST 2: an error in a timer callback is logged with the ngx.timer context
--- config
location /t {
    content_by_lua_block {
        ngx.timer.at(0, function() error("timer went wrong") end)
        ngx.sleep(0.05)
        ngx.say("ok")
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
lua entry thread aborted: runtime error:
timer went wrong
context: ngx.timer

=== TEST 3: argument errors read as lua-nginx-module's
--- config
location /t {
    content_by_lua_block {
        local function try(f)
            local ok, err = pcall(f)
            ngx.say(err)
        end
        try(function() local ok = ngx.timer.at(1) end)
        try(function() local ok = ngx.timer.at("soon", print) end)
        try(function() local ok = ngx.timer.at(1, "not a function") end)
        try(function() local ok = ngx.timer.every(0, function() end) end)
        try(function() local ok = ngx.timer.every(0.0001, function() end) end)
        try(function() local ok = ngx.timer.every(1, function() end, "x") ok = ngx.sleep(-1) end)
    }
}
--- request
GET /t
--- response_body
content_by_lua(nginx.conf:9):6: expecting at least 2 arguments but got 1
content_by_lua(nginx.conf:9):7: bad argument #1 to 'at' (number expected, got string)
content_by_lua(nginx.conf:9):8: bad argument #2 to 'at' (Lua function expected)
content_by_lua(nginx.conf:9):9: delay cannot be zero
content_by_lua(nginx.conf:9):10: delay cannot be zero
content_by_lua(nginx.conf:9):11: invalid sleep duration "-1000"

=== TEST 4: ngx.timer.every repeats until the server stops
--- config
location /t {
    content_by_lua_block {
        local runs = { n = 0 }
        local ok, err = ngx.timer.every(0.02, function(premature)
            if not premature then runs.n = runs.n + 1 end
        end)
        ngx.say("created: ", ok, " ", err)
        -- a loaded machine fires late: wait for three runs, up to 3 s, rather than a fixed time
        for _ = 1, 150 do
            if runs.n >= 3 then break end
            ngx.sleep(0.02)
        end
        ngx.say("ran several times: ", runs.n >= 3, " ", runs.n < 150)
    }
}
--- request
GET /t
--- response_body
created: 1 nil
ran several times: true true

=== TEST 5: pending_count counts created timers until they expire, running_count the running callbacks
--- config
location /t {
    content_by_lua_block {
        local before = ngx.timer.pending_count()
        local inside = {}
        for i = 1, 3 do
            ngx.timer.at(0.05, function()
                inside.running = ngx.timer.running_count()
            end)
        end
        ngx.say("pending: ", ngx.timer.pending_count() - before)
        ngx.say("running here: ", ngx.timer.running_count())
        ngx.sleep(0.12)
        ngx.say("pending after: ", ngx.timer.pending_count() - before)
        ngx.say("running seen inside: ", inside.running >= 1)
    }
}
--- request
GET /t
--- response_body
pending: 3
running here: 0
pending after: 0
running seen inside: true

=== TEST 6: a timer created in init_worker_by_lua runs in that worker
--- http_config
lua_shared_dict timers 1m;
init_worker_by_lua_block {
    local ok, err = ngx.timer.at(0, function(premature)
        ngx.shared.timers:set("init_worker", "ran in " .. ngx.get_phase())
    end)
    if not ok then ngx.log(ngx.ERR, "failed: ", err) end
}
--- config
location /t {
    content_by_lua_block {
        ngx.sleep(0.05)
        ngx.say(ngx.shared.timers:get("init_worker"))
    }
}
--- request
GET /t
--- response_body
ran in timer

=== TEST 7: timers can be created in header_filter, body_filter and log
--- http_config
lua_shared_dict timers 1m;
--- config
location /t {
    content_by_lua_block {
        ngx.say("hello")
    }
    header_filter_by_lua_block {
        ngx.timer.at(0, function() ngx.shared.timers:incr("n", 1, 0) end)
    }
    body_filter_by_lua_block {
        if ngx.arg[2] then
            ngx.timer.at(0, function() ngx.shared.timers:incr("n", 1, 0) end)
        end
    }
    log_by_lua_block {
        ngx.timer.at(0.01, function()
            ngx.log(ngx.ERR, "timers from filters: ", ngx.shared.timers:get("n"))
        end)
    }
}
--- request
GET /t
--- response_body
hello
--- error_log
timers from filters: 2

=== TEST 8: a timer callback may sleep, and sees no request
--- config
location /t {
    content_by_lua_block {
        local out = {}
        ngx.timer.at(0, function()
            ngx.sleep(0.01)
            out.ok, out.err = pcall(function() return ngx.var.uri end)
            out.done = true
        end)
        ngx.sleep(0.08)
        ngx.say(out.done, " ", out.ok)
    }
}
--- request
GET /t
--- response_body
true false

=== TEST 9: ngx.exit in a timer ends the callback quietly
--- config
location /t {
    content_by_lua_block {
        local out = {}
        ngx.timer.at(0, function()
            out.before = true
            ngx.exit(0)
            out.after = true
        end)
        ngx.sleep(0.05)
        ngx.say(out.before, " ", out.after)
    }
}
--- request
GET /t
--- response_body
true nil
--- no_error_log
[error]

=== TEST 10: timer counters are not available in init_by_lua
--- http_config
init_by_lua_block {
    local ok, err = pcall(ngx.timer.at, 0, function() end)
    package.loaded.init_result = tostring(ok) .. " " .. tostring(err)
}
--- config
location /t {
    content_by_lua_block {
        ngx.say(package.loaded.init_result)
    }
}
--- request
GET /t
--- response_body
false no request
