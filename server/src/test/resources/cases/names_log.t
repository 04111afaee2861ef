=== TEST 1: ngx.log inside a global function names it
--- config
location /t {
    content_by_lua_block {
        function greet()
            ngx.log(ngx.WARN, "hello")
        end
        greet()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: greet(): hello

=== TEST 2: a local function
--- config
location /t {
    content_by_lua_block {
        local function helper()
            ngx.log(ngx.WARN, "from helper")
        end
        helper()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: helper(): from helper

=== TEST 3: a method is named without its object
--- config
location /t {
    content_by_lua_block {
        local obj = {}
        function obj:check()
            ngx.log(ngx.WARN, "from method")
        end
        obj:check()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):4: check(): from method

=== TEST 4: a module function is named by its field
--- config
location /t {
    content_by_lua_block {
        local M = {}
        function M.run()
            print("from field")
        end
        M.run()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):4: run(): from field

=== TEST 5: an anonymous function and the main chunk get no name
--- config
location /t {
    content_by_lua_block {
        (function()
            ngx.log(ngx.WARN, "anonymous")
        end)()
        ngx.log(ngx.WARN, "main chunk")
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: anonymous
[lua] content_by_lua(nginx.conf:9):5: main chunk

=== TEST 6: a function called by pcall has no name
--- config
location /t {
    content_by_lua_block {
        local function guarded()
            ngx.log(ngx.WARN, "guarded")
        end
        pcall(guarded)
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: guarded

=== TEST 7: the call that is running is named, among others on its line
--- config
location /t {
    content_by_lua_block {
        local function label()
            ngx.log(ngx.WARN, "labelling")
            return "x"
        end
        ngx.say(string.upper(label()))
    }
}
--- request
GET /t
--- response_body
X
--- error_log
[lua] content_by_lua(nginx.conf:9):3: label(): labelling

=== TEST 8: a function reached by a tail call is named by the call that led to it, as LuaJIT does
--- config
location /t {
    content_by_lua_block {
        local function inner()
            ngx.log(ngx.WARN, "tail called")
        end
        local function outer()
            return inner()
        end
        outer()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: outer(): tail called

=== TEST 9: metamethods are named by their event
--- config
location /t {
    content_by_lua_block {
        local t = setmetatable({}, { __index = function(_, key)
            ngx.log(ngx.WARN, "missing ", key)
        end })
        local v = t.color
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):3: __index(): missing color
