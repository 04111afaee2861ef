=== TEST 1: Debian's resty.lrucache from lua_package_path: set, get, count, LRU eviction, keys
--- http_config
lua_package_path "/usr/share/lua/5.1/?.lua;;";
--- config
location /t {
    content_by_lua_block {
        local lrucache = require "resty.lrucache"
        local f = assert(io.open("/usr/share/lua/5.1/resty/lrucache.lua"))
        local version = f:read("*a"):match("_VERSION = '([^']+)'")
        f:close()
        ngx.say("file: ", lrucache._VERSION == version)
        local c = assert(lrucache.new(3))
        c:set("a", 1)
        c:set("b", 2, nil, 9)
        c:set("c", 3)
        c:get("a")
        c:set("d", 4)
        local v, stale, flags = c:get("b")
        ngx.say("b: ", v, " ", stale, " ", flags)
        ngx.say("count: ", c:count(), " of ", c:capacity())
        ngx.say("keys: ", table.concat(c:get_keys(), ","))
        ngx.say("delete: ", c:delete("c"), " ", c:delete("c"), " ", c:count())
        c:flush_all()
        ngx.say("flushed: ", c:count(), " ", #c:get_keys(), " ", c:get("a"))
    }
}
--- request
GET /t
--- response_body
file: true
b: nil nil nil
count: 3 of 3
keys: d,a,c
delete: true false 2
flushed: 0 0 nil
--- no_error_log
[error]

=== TEST 2: Debian's resty.lrucache: an item past its ttl comes back as stale, with its flags
--- http_config
lua_package_path "/usr/share/lua/5.1/?.lua;;";
--- config
location /t {
    content_by_lua_block {
        local c = require("resty.lrucache").new(2)
        c:set("short", "s", 0.001, 5)
        c:set("long", "l", 100)
        ngx.sleep(0.01)
        local v, stale, flags = c:get("short")
        ngx.say(v, " ", stale, " ", flags)
        ngx.say(c:get("long"))
    }
}
--- request
GET /t
--- response_body
nil s 5
lnil0

=== TEST 3: the cache lives at module level: a worker keeps it from one request to the next
--- main_config
worker_processes 1;
--- http_config
lua_package_path "/usr/share/lua/5.1/?.lua;;";
init_by_lua_block {
    cache = require("resty.lrucache").new(10)
}
--- config
location /t {
    content_by_lua_block {
        local n = (cache:get("hits") or 0) + 1
        cache:set("hits", n)
        ngx.say(cache:get("hits"), " ", cache:count())
    }
}
--- request
GET /t
--- response_body
1 1

=== TEST 4: Debian's resty.lrucache.pureffi: eviction, stale items, keys
--- http_config
lua_package_path "/usr/share/lua/5.1/?.lua;;";
--- config
location /t {
    content_by_lua_block {
        local lrucache = require "resty.lrucache.pureffi"
        local c = assert(lrucache.new(2))
        c:set("x", "X")
        c:set("y", "Y", 0.001)
        c:set(42, "number key")
        ngx.sleep(0.01)
        ngx.say(c:get("x"), " ", c:get(42), " ", c:count())
        ngx.say(table.concat(c:get_keys(), ","))
        c:set("z", "Z", 0.001)
        ngx.sleep(0.01)
        local v, stale = c:get("z")
        ngx.say(v, " ", stale)
    }
}
--- request
GET /t
--- response_body
nil number key 2
42,y
nil Z

=== TEST 5: ffi keeps plain data in C structs
--- config
location /t {
    content_by_lua_block {
        local ffi = require "ffi"
        ffi.cdef[[
            typedef struct point_s { int32_t x; int32_t y; double w; } point_t;
        ]]
        local pts = ffi.new("point_t[?]", 3)
        for i = 0, 2 do
            pts[i].x, pts[i].y, pts[i].w = i, i * i, i / 2
        end
        local p = pts + 2
        ngx.say(ffi.sizeof("point_t"), " ", p.x, " ", p.y, " ", p.w, " ", tostring(ffi.typeof(p)))
        ngx.say(p - pts, " ", pts[1].y, " ", tonumber(ffi.cast("uintptr_t", p)) - tonumber(ffi.cast("uintptr_t", pts)))
    }
}
--- request
GET /t
--- response_body
16 2 4 1 ctype<struct point_s *>
2 1 32

=== TEST 6: ffi.C and ffi.load need native code, which the JVM has not
--- jresty_only: nginx's LuaJIT has a native FFI
--- config
location /t {
    content_by_lua_block {
        local ffi = require "ffi"
        ffi.cdef[[ int getpid(void); ]]
        local ok, err = pcall(function() return ffi.C.getpid() end)
        ngx.say(err)
        ok, err = pcall(ffi.load, "z")
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body_like: ffi.C.getpid.*not supported: jresty runs on the JVM and has no native FFI.*\n.*ffi.load is not supported: jresty runs on the JVM and has no native FFI

=== TEST 7: a Debian lrucache made at module level of a module init_by_lua requires is each worker's own copy
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict seen 1m;
lua_package_path "$prefix/lua/?.lua;/usr/share/lua/5.1/?.lua;;";
init_by_lua_block {
    require "boot_caches"
}
init_worker_by_lua_block {
    local caches = require "boot_caches"
    local id = ngx.worker.id()
    for name, c in pairs(caches) do
        c:set("worker" .. id, id)
        ngx.shared.seen:set(name .. ":" .. id, c:get("a") .. " " .. c:get("b").text .. " " .. c:count()
            .. " " .. table.concat(c:get_keys(), ","):gsub("%d", "N"))
    end
}
--- config
location /t {
    content_by_lua_block {
        -- the other worker may still be starting: wait a little for every worker to report
        -- (the reference nginx runs with master_process off: one process, whatever ngx.worker.count() says)
        local want = 2 * ngx.worker.count()
        local keys = ngx.shared.seen:get_keys()
        for _ = 1, 200 do
            if #keys == want then break end
            ngx.sleep(0.01)
            keys = ngx.shared.seen:get_keys()
        end
        local lines = {}
        for _, k in ipairs(keys) do
            lines[k:gsub(":%d+$", "") .. " " .. ngx.shared.seen:get(k)] = true
        end
        local distinct = {}
        for line in pairs(lines) do distinct[#distinct + 1] = line end
        table.sort(distinct)
        ngx.say(table.concat(distinct, "\n"))
        local caches = require "boot_caches"
        caches.plain:set("c", "C")
        ngx.say("here: ", caches.plain:get("c"), " ", caches.pureffi:get("a"), " ", caches.plain:count())
    }
}
--- user_files
>>> lua/boot_caches.lua
-- room for one more each: a worker writing into another's memory would evict what that one set
local plain = require("resty.lrucache").new(3)
local pureffi = require("resty.lrucache.pureffi").new(3)
for _, c in ipairs({ plain, pureffi }) do
    c:set("a", "A")
    c:set("b", { text = "bee" })
end
return { plain = plain, pureffi = pureffi }
--- request
GET /t
--- response_body
plain A bee 3 b,a,workerN
pureffi A bee 3 b,a,workerN
here: C A 3
--- no_error_log
[error]

=== TEST 8: the same with both workers reporting: each has its own copy of the cache init made
--- jresty_only: the reference nginx runs with master_process off, so only one of its workers ever runs
--- main_config
worker_processes 2;
--- http_config
lua_shared_dict seen 1m;
lua_package_path "$prefix/lua/?.lua;/usr/share/lua/5.1/?.lua;;";
init_by_lua_block {
    require "boot_caches"
}
init_worker_by_lua_block {
    local caches = require "boot_caches"
    local id = ngx.worker.id()
    for name, c in pairs(caches) do
        c:set("worker" .. id, id)
        ngx.shared.seen:set(name .. ":" .. id, c:get("a") .. " " .. c:get("b").text .. " " .. c:count()
            .. " " .. table.concat(c:get_keys(), ","):gsub("%d", "N"))
    end
}
--- config
location /t {
    content_by_lua_block {
        -- the other worker may still be starting: wait until every worker reported
        -- (the reference nginx runs with master_process off: one worker, which ngx.worker.count() says)
        local want = 2 * ngx.worker.count()
        local keys = ngx.shared.seen:get_keys()
        for _ = 1, 200 do
            if #keys == want then break end
            ngx.sleep(0.01)
            keys = ngx.shared.seen:get_keys()
        end
        ngx.say("reports: ", #keys == want and "every worker" or #keys)
        local lines = {}
        for _, k in ipairs(keys) do
            lines[k:gsub(":%d+$", "") .. " " .. ngx.shared.seen:get(k)] = true
        end
        local distinct = {}
        for line in pairs(lines) do distinct[#distinct + 1] = line end
        table.sort(distinct)
        ngx.say(table.concat(distinct, "\n"))
        local caches = require "boot_caches"
        caches.plain:set("c", "C")
        ngx.say("here: ", caches.plain:get("c"), " ", caches.pureffi:get("a"), " ", caches.plain:count())
    }
}
--- user_files
>>> lua/boot_caches.lua
-- room for one more each: a worker writing into another's memory would evict what that one set
local plain = require("resty.lrucache").new(3)
local pureffi = require("resty.lrucache.pureffi").new(3)
for _, c in ipairs({ plain, pureffi }) do
    c:set("a", "A")
    c:set("b", { text = "bee" })
end
return { plain = plain, pureffi = pureffi }
--- request
GET /t
--- response_body
reports: every worker
plain A bee 3 b,a,workerN
pureffi A bee 3 b,a,workerN
here: C A 3
--- no_error_log
[error]
