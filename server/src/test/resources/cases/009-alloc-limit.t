=== TEST 1: lua_alloc_limit ends a handler that builds without bound with a 500, even inside pcall
--- jresty_only: nginx has no allocation limit for Lua
--- config
lua_alloc_limit 8m;
location /t {
    content_by_lua_block {
        local ok = pcall(function()
            local t = {}
            local i = 0
            while true do i = i + 1 t[i] = {i} end
        end)
        ngx.say("never")
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
exceeded its allocation limit of 8 MB

=== TEST 2: a handler under its limit runs to the end
--- jresty_only: nginx has no allocation limit for Lua
--- config
lua_alloc_limit 8m;
location /t {
    content_by_lua_block {
        local t = {}
        for i = 1, 100000 do t[i] = i end
        ngx.say(#t)
    }
}
--- request
GET /t
--- response_body
100000
--- no_error_log
exceeded its allocation limit

=== TEST 3: a location's own limit overrides the server's
--- jresty_only: nginx has no allocation limit for Lua
--- config
lua_alloc_limit 1m;
location /small {
    content_by_lua_block {
        local t = {}
        for i = 1, 100000 do t[i] = i end
        ngx.say(#t)
    }
}
location /t {
    lua_alloc_limit 16m;
    content_by_lua_block {
        local t = {}
        for i = 1, 100000 do t[i] = i end
        ngx.say(#t)
    }
}
--- request
GET /t
--- response_body
100000

=== TEST 4: the same handler under the smaller limit fails
--- jresty_only: nginx has no allocation limit for Lua
--- config
lua_alloc_limit 1m;
location /t {
    content_by_lua_block {
        local t = {}
        for i = 1, 100000 do t[i] = i end
        ngx.say(#t)
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
exceeded its allocation limit of 1 MB

=== TEST 5: strings count too: a table of large strings ends at the limit
--- jresty_only: nginx has no allocation limit for Lua
--- config
lua_alloc_limit 4m;
location /t {
    content_by_lua_block {
        local t = {}
        for i = 1, 100 do t[i] = string.rep("x", 100000) .. i end
        ngx.say("never")
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
exceeded its allocation limit of 4 MB
