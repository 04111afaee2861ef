=== TEST 1: ngx.exit(ngx.OK) in rewrite goes on to content
--- config
location /t {
    rewrite_by_lua_block {
        ngx.exit(ngx.OK)
    }
    content_by_lua_block {
        ngx.say("content ran")
    }
}
--- request
GET /t
--- response_body
content ran

=== TEST 2: ngx.exit(ngx.OK) in access goes on to content
--- config
location /t {
    access_by_lua_block {
        ngx.exit(ngx.OK)
    }
    content_by_lua_block {
        ngx.say("content ran")
    }
}
--- request
GET /t
--- response_body
content ran

=== TEST 3: ngx.exit(ngx.ERROR) in rewrite closes the connection
--- config
location /t {
    rewrite_by_lua_block {
        ngx.exit(ngx.ERROR)
    }
    content_by_lua_block {
        ngx.say("never")
    }
}
--- request
GET /t
--- error_code: 0

=== TEST 4: ngx.exit(ngx.DECLINED) in access skips to content
--- config
location /t {
    access_by_lua_block {
        ngx.exit(ngx.DECLINED)
    }
    content_by_lua_block {
        ngx.say("content ran")
    }
}
--- request
GET /t
--- response_body
content ran

=== TEST 5: ngx.exit(404) before output in rewrite gives the error page
--- config
location /t {
    rewrite_by_lua_block {
        ngx.exit(404)
    }
}
--- request
GET /t
--- error_code: 404
--- response_body_like: 404 Not Found

=== TEST 6: ngx.exit(201) before headers sends an empty 201
--- config
location /t {
    content_by_lua_block {
        ngx.exit(201)
    }
}
--- request
GET /t
--- error_code: 201
--- response_body chomp

=== TEST 7: ngx.exit(500) after output keeps the status and body so far
--- config
location /t {
    content_by_lua_block {
        ngx.status = 202
        ngx.say("partial")
        ngx.exit(500)
    }
}
--- request
GET /t
--- error_code: 202
--- response_body
partial

=== TEST 8: ngx.exit is not caught by pcall
--- config
location /t {
    content_by_lua_block {
        pcall(ngx.exit, 403)
        ngx.say("after")
    }
}
--- request
GET /t
--- error_code: 403

=== TEST 9: ngx.exit(ngx.OK) in header_filter does not unwind
--- config
location /t {
    content_by_lua_block {
        ngx.say("body")
    }
    header_filter_by_lua_block {
        ngx.status = 403
        ngx.exit(ngx.OK)
        ngx.status = 500
    }
}
--- request
GET /t
--- error_code: 500
--- response_body
body

=== TEST 10: ngx.eof ends the response; later output is dropped
--- config
location /t {
    content_by_lua_block {
        ngx.say("first")
        ngx.eof()
        ngx.say("late")
    }
}
--- request
GET /t
--- response_body
first

=== TEST 11: ngx.on_abort without lua_check_client_abort
--- config
location /t {
    content_by_lua_block {
        local ok, err = ngx.on_abort(function() end)
        ngx.say(tostring(ok), " ", err)
    }
}
--- request
GET /t
--- response_body
nil lua_check_client_abort is off

=== TEST 12: ngx.on_abort with lua_check_client_abort on
--- config
lua_check_client_abort on;
location /t {
    content_by_lua_block {
        local ok, err = ngx.on_abort(function() end)
        ngx.say(ok, " ", tostring(err))
        ok, err = ngx.on_abort(function() end)
        ngx.say(tostring(ok), " ", err)
    }
}
--- request
GET /t
--- response_body
1 nil
nil duplicate call

=== TEST 13: ngx.flush streams chunks with chunked encoding
--- config
location /t {
    content_by_lua_block {
        ngx.say("one")
        ngx.flush(true)
        ngx.say("two")
        ngx.flush(false)
        ngx.say("three")
    }
}
--- request
GET /t
--- response_headers
Transfer-Encoding: chunked
Content-Length:
--- response_body
one
two
three

=== TEST 14: a large body streams out
--- config
location /t {
    content_by_lua_block {
        local line = string.rep("x", 1023) .. "\n"
        for i = 1, 200 do
            ngx.print(line)
        end
    }
}
--- request
GET /t
--- response_body_like: ^(x{1023}\n){200}$

=== TEST 15: ngx.exit(444) closes the connection without a response
--- config
location /t {
    content_by_lua_block {
        ngx.exit(444)
    }
}
--- request
GET /t
--- error_code: 0

=== TEST 16: ngx.exit(302) with a Location header
--- config
location /t {
    content_by_lua_block {
        ngx.header.location = "/elsewhere"
        ngx.exit(302)
    }
}
--- request
GET /t
--- error_code: 302
--- response_headers
Location: /elsewhere

=== TEST 17: ngx.status is writable before output and ngx.exit(ngx.HTTP_OK) keeps the body
--- config
location /t {
    content_by_lua_block {
        ngx.status = 418
        ngx.say("teapot")
        ngx.exit(ngx.HTTP_OK)
    }
}
--- request
GET /t
--- error_code: 418
--- response_body
teapot

=== TEST 18: ngx.exit(403) in header_filter sends the error page
--- config
location /t {
    content_by_lua_block {
        ngx.say("body")
    }
    header_filter_by_lua_block {
        ngx.exit(403)
    }
}
--- request
GET /t
--- error_code: 403
--- response_body_like: 403 Forbidden

=== TEST 19: ngx.exit(ngx.ERROR) in header_filter closes the connection
--- config
location /t {
    content_by_lua_block {
        ngx.say("body")
    }
    header_filter_by_lua_block {
        ngx.exit(ngx.ERROR)
    }
}
--- request
GET /t
--- error_code: 0

=== TEST 20: ngx.exit(403) after output is logged and the response goes on
--- config
location /t {
    content_by_lua_block {
        ngx.say("body")
        ngx.exit(403)
    }
}
--- request
GET /t
--- response_body
body
--- error_log
attempt to set status 403 via ngx.exit after sending out the response status 200

=== TEST 21: ngx.exit(ngx.DECLINED) in content closes the connection
--- config
location /t {
    content_by_lua_block {
        ngx.exit(ngx.DECLINED)
    }
}
--- request
GET /t
--- error_code: 0
