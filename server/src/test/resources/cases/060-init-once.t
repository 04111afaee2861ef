=== TEST 1: init_by_lua runs once: its shared-dict write and its log line happen once, not per worker
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict boot 1m;
init_by_lua_block {
    local n = ngx.shared.boot:incr("inits", 1, 0)
    ngx.log(ngx.WARN, "init_by_lua run #", n)
}
--- config
location /t {
    content_by_lua_block { ngx.say("inits=", ngx.shared.boot:get("inits")) }
}
--- request
GET /t
--- response_body
inits=1
--- error_log
init_by_lua run #1
--- no_error_log
init_by_lua run #2

=== TEST 2: globals, tables, functions and modules made by init_by_lua are seen by every worker
--- main_config
worker_processes 2;
--- http_config
lua_package_path "$prefix/lua/?.lua;;";
init_by_lua_block {
    local cjson = require "cjson"
    local counter = require "init_counter"
    counter.bump()
    settings = cjson.decode('{"name":"api","limits":[10,20]}')
    settings.self = settings
    local prefix = "v"
    function version(n) return prefix .. n end
}
--- config
location /t {
    content_by_lua_block {
        ngx.say(settings.name, " ", settings.limits[2], " ", tostring(settings.self == settings))
        ngx.say(version(2), " ", require("init_counter").count())
    }
}
--- user_files
>>> lua/init_counter.lua
local count = 0
return {
    bump = function() count = count + 1 end,
    count = function() return count end,
}
--- request
GET /t
--- response_body
api 20 true
v2 1

=== TEST 3: each worker has its own copy: a change in one worker is not seen by another
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict seen 1m;
lua_package_path "$prefix/lua/?.lua;;";
init_by_lua_block {
    local mod = require "init_state"
    mod.bump()
    shared_table = { n = 0 }
    local hits = 0
    function hit() hits = hits + 1; return hits end
}
init_worker_by_lua_block {
    -- with one state for all workers, the second worker here would see 2
    shared_table.n = shared_table.n + 1
    local id = ngx.worker.id()
    ngx.shared.seen:set("table:" .. id, shared_table.n)
    ngx.shared.seen:set("upvalue:" .. id, hit())
    ngx.shared.seen:set("module:" .. id, require("init_state").bump())
}
--- config
location /t {
    content_by_lua_block {
        local most = {}
        for _, key in ipairs(ngx.shared.seen:get_keys()) do
            local kind = key:match("^(%a+):")
            most[kind] = math.max(most[kind] or 0, ngx.shared.seen:get(key))
        end
        ngx.say("table ", most.table, ", upvalue ", most.upvalue, ", module ", most.module)
    }
}
--- user_files
>>> lua/init_state.lua
local n = 0
return { bump = function() n = n + 1; return n end }
--- request
GET /t
--- response_body
table 1, upvalue 1, module 2

=== TEST 4: a semaphore made by init_by_lua is each worker's own, with init's count
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict seen 1m;
init_by_lua_block {
    sema = require("ngx.semaphore").new(1)
}
init_worker_by_lua_block {
    -- one semaphore for both workers would count 3 after the second post
    sema:post(1)
    ngx.shared.seen:set("count:" .. ngx.worker.id(), sema:count())
}
--- config
location /t {
    content_by_lua_block {
        local most = 0
        for _, key in ipairs(ngx.shared.seen:get_keys()) do
            most = math.max(most, ngx.shared.seen:get(key))
        end
        ngx.say("most ", most)
    }
}
--- request
GET /t
--- response_body
most 2

=== TEST 5: a listener set at init that is one of the controller's own functions is copied too
--- jresty_only: resty.dynacode.controller is jresty's built-in; nginx has no such module
--- main_config
worker_processes 2;
--- http_config
init_by_lua_block {
    local c = require "resty.dynacode.controller"
    c.events.on(c.events.ON_ERROR, c.logger)
    c.setup({ shm = "missing" })
}
--- config
location /t {
    content_by_lua_block {
        local c = require "resty.dynacode.controller"
        c.setup({ shm = "missing" })
        ngx.say(type(c.run))
    }
}
--- request
GET /t
--- response_body
function
--- error_log
the shm missing is not a lua_shared_dict

=== TEST 6: string methods reach the running worker's own string table
--- jresty_only: the reference nginx runs with master_process off, so only one of its workers runs
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict seen 1m;
init_by_lua_block { function string.shout(s) return s:upper() .. "!" end }
init_worker_by_lua_block {
    local id = ngx.worker.id()
    string["mine" .. id] = function(s) return s .. " from " .. id end
    local ok, res = pcall(function() return ("x")["mine" .. id]("x") .. ", " .. ("hi"):shout() end)
    ngx.shared.seen:set("w" .. id, tostring(ok) .. " " .. tostring(res))
}
--- config
location /t {
    content_by_lua_block {
        for id = 0, ngx.worker.count() - 1 do
            ngx.say(id, ": ", ngx.shared.seen:get("w" .. id))
        end
    }
}
--- request
GET /t
--- response_body
0: true x from 0, HI!
1: true x from 1, HI!
