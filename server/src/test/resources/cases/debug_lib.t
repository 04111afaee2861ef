=== TEST 1: xpcall(f, debug.traceback) gives the error with a stack traceback
--- config
location /t {
    content_by_lua_block {
        local function fail()
            error("boom")
        end
        local ok, trace = xpcall(fail, debug.traceback)
        ngx.say(ok)
        ngx.say(trace)
    }
}
--- request
GET /t
--- response_body_like
^false
content_by_lua\(nginx\.conf:\d+\):3: boom
stack traceback:
(.*\n)*\tcontent_by_lua\(nginx\.conf:\d+\):3: in function <content_by_lua\(nginx\.conf:\d+\):2>
(.*\n)*\tcontent_by_lua\(nginx\.conf:\d+\):5: in main chunk
$

=== TEST 2: debug.getinfo names the chunk and the line
--- config
location /t {
    content_by_lua_block {
        local function where()
            local info = debug.getinfo(1, "nSl")
            return info
        end
        local info = where()
        ngx.say(info.source:match("^=content_by_lua%(nginx%.conf:%d+%)$") ~= nil)
        ngx.say(info.short_src == info.source:sub(2), info.what, info.currentline, info.linedefined, info.name)
        local main = debug.getinfo(1, "S")
        ngx.say(main.what, " ", type(debug.getinfo(2)))
        ngx.say(require("debug") == debug, type(debug.getregistry()))
    }
}
--- request
GET /t
--- response_body
true
trueLua32where
main nil
truetable

=== TEST 3: debug.traceback in a log call and in a module
--- config
location /t {
    content_by_lua_block {
        local function logged()
            ngx.log(ngx.ERR, debug.traceback("tracing here", 1))
        end
        logged()
        ngx.say("ok")
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
tracing here
stack traceback:
