=== TEST 1: ngx.log writes nginx's error-log line with chunk and line
--- config
location /t {
    content_by_lua_block {
        ngx.log(ngx.ERR, "hello ", 1, " ", nil, " ", true)
        ngx.say("ok")
    }
}
--- request
GET /t?x=1
--- error_log
[error]
[lua] content_by_lua(nginx.conf:9):2: hello 1 nil true, client: 127.0.0.1, server: localhost, request: "GET /t?x=1 HTTP/1.1", host: "localhost"

=== TEST 2: print logs at notice
--- config
location /t {
    content_by_lua_block {
        print("printed ", 42)
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[notice]
[lua] content_by_lua(nginx.conf:9):2: printed 42, client: 127.0.0.1

=== TEST 3: levels below error_log's are dropped
--- config
error_log logs/error.log warn;
location /t {
    content_by_lua_block {
        ngx.log(ngx.INFO, "too quiet")
        ngx.log(ngx.WARN, "loud enough")
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[warn]
loud enough
--- no_error_log
too quiet

=== TEST 4: the line is the caller's, in an anonymous function too
--- config
location /t {
    content_by_lua_block {
        (function()

            ngx.log(ngx.WARN, "inside")
        end)()
        ngx.say("ok")
    }
}
--- request
GET /t
--- error_log
[lua] content_by_lua(nginx.conf:9):4: inside,

=== TEST 5: a bad level is an error
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.log, 99, "x")
        ngx.say(err)
        ok, err = pcall(ngx.log, "x")
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
bad argument #1 to '?' (bad log level: 99)
bad argument #1 to '?' (number expected, got string)

=== TEST 6: ngx.log in other phases names their chunk
--- config
location /t {
    rewrite_by_lua_block {
        ngx.log(ngx.WARN, "in rewrite")
    }
    content_by_lua_block {
        ngx.say("ok")
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "in log")
    }
}
--- request
GET /t
--- error_log
[lua] rewrite_by_lua(nginx.conf:9):2: in rewrite
[lua] log_by_lua(nginx.conf:15):2: in log

=== TEST 7: a table argument without __tostring is an error
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.log, ngx.ERR, {})
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
bad argument #1 to '?' (expected table to have __tostring metamethod)
