=== TEST 1: indexing an undefined global names the global
--- config
location /t {
    content_by_lua_block {
        local port = cfg.port
        ngx.say(port)
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
runtime error: content_by_lua(nginx.conf:9):2: attempt to index global 'cfg' (a nil value)

=== TEST 2: assigning into a nil local names the local
--- config
location /t {
    content_by_lua_block {
        local t
        t.x = 1
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:3: attempt to index local 't' (a nil value)

=== TEST 3: indexing a missing field names the field
--- config
location /t {
    content_by_lua_block {
        local name = ngx.ctx.user
            .name
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
attempt to index field 'user' (a nil value)

=== TEST 4: calling an undefined global function names it
--- config
location /t {
    content_by_lua_block {
        undefined_function()
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:2: attempt to call global 'undefined_function' (a nil value)

=== TEST 5: calling a missing method names the method
--- config
location /t {
    content_by_lua_block {
        local obj = {}
        obj:bar()
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:3: attempt to call method 'bar' (a nil value)

=== TEST 6: arithmetic on a string argument names the local
--- config
location /t {
    content_by_lua_block {
        local n = ngx.var.arg_n
        ngx.say(n + 1)
    }
}
--- request
GET /t?n=abc
--- error_code: 500
--- error_log
:3: attempt to perform arithmetic on local 'n' (a string value)

=== TEST 7: concatenating a nil upvalue names the upvalue
--- config
location /t {
    content_by_lua_block {
        local suffix
        local function greet()
            return "hello " .. suffix
        end
        ngx.say(greet())
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:4: attempt to concatenate upvalue 'suffix' (a nil value)

=== TEST 8: comparisons name no variable
--- config
location /t {
    content_by_lua_block {
        local limit = {}
        if limit < 10 then ngx.say("below") end
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:3: attempt to compare table with number

=== TEST 9: pcall returns the named message
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(function()
            return settings.timeout
        end)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
content_by_lua(nginx.conf:9):3: attempt to index global 'settings' (a nil value)

=== TEST 10: the failing step of a chain on one line is named
--- config
location /t {
    content_by_lua_block {
        local name = ngx.ctx.user.name
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:2: attempt to index field 'user' (a nil value)

=== TEST 11: a nil upvalue table in a module-style function
--- config
location /t {
    content_by_lua_block {
        local M
        local function get(key)
            return M.cache[key]
        end
        ngx.say(get("a"))
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
:4: attempt to index upvalue 'M' (a nil value)
