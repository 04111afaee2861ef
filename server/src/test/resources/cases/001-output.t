=== TEST 1: ngx.say and ngx.print
--- config
location /t {
    content_by_lua_block {
        ngx.say("hello, ", "world")
        ngx.print("a", 1, {"b", {"c"}}, "\n")
        ngx.say(nil, true, false)
    }
}
--- request
GET /t
--- response_body
hello, world
a1bc
niltruefalse

=== TEST 2: ngx.say of a non-array table is an error
--- config
location /t {
    content_by_lua_block {
        ngx.say({foo = 1})
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
bad argument #1 to 'say' (non-array table found)

=== TEST 3: ngx.exit with a status before output sends the error page
--- config
location /t {
    content_by_lua_block {
        ngx.exit(403)
    }
}
--- request
GET /t
--- error_code: 403
--- response_body_like: 403 Forbidden

=== TEST 4: ngx.exit(200) after output keeps the body
--- config
location /t {
    content_by_lua_block {
        ngx.say("done")
        ngx.exit(200)
        ngx.say("never")
    }
}
--- request
GET /t
--- response_body
done

=== TEST 5: ngx.status set before output
--- config
location /t {
    content_by_lua_block {
        ngx.status = 201
        ngx.say("created")
    }
}
--- request
GET /t
--- error_code: 201
--- response_body
created

=== TEST 6: ngx.status set after headers were sent is logged and ignored
--- config
location /t {
    content_by_lua_block {
        ngx.say("x")
        ngx.status = 404
    }
}
--- request
GET /t
--- error_code: 200
--- error_log
attempt to set ngx.status after sending out response headers

=== TEST 7: ngx.exit cannot be caught by pcall
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.exit, 404)
        ngx.say("still here ", tostring(ok))
    }
}
--- request
GET /t
--- error_code: 404

=== TEST 8: ngx.redirect
--- config
location /t {
    content_by_lua_block {
        return ngx.redirect("/foo?a=1", 301)
    }
}
--- request
GET /t
--- error_code: 301
--- response_headers
Location: /foo?a=1

=== TEST 9: ngx.redirect rejects other codes
--- config
location /t {
    content_by_lua_block {
        ngx.redirect("/foo", 404)
    }
}
--- request
GET /t
--- error_code: 500
--- error_log
only ngx.HTTP_MOVED_TEMPORARILY, ngx.HTTP_MOVED_PERMANENTLY, ngx.HTTP_PERMANENT_REDIRECT, ngx.HTTP_SEE_OTHER, and ngx.HTTP_TEMPORARY_REDIRECT are allowed

=== TEST 10: ngx.exec to another location keeps args
--- config
location /t {
    content_by_lua_block {
        ngx.exec("/other", "a=1&b=2")
    }
}
location /other {
    content_by_lua_block {
        ngx.say("other: ", ngx.var.args, " internal=", tostring(ngx.req.is_internal()))
    }
}
--- request
GET /t
--- response_body
other: a=1&b=2 internal=true

=== TEST 11: ngx.exec to a named location
--- config
location /t {
    rewrite_by_lua_block {
        ngx.exec("@named")
    }
}
location @named {
    content_by_lua_block {
        ngx.say("named ", ngx.var.uri)
    }
}
--- request
GET /t
--- response_body
named /t

=== TEST 12: ngx.headers_sent
--- config
location /t {
    content_by_lua_block {
        local before = ngx.headers_sent
        ngx.say("x")
        ngx.say(tostring(before), " ", tostring(ngx.headers_sent))
    }
}
--- request
GET /t
--- response_body
x
false true

=== TEST 13: ngx.eof ends the body
--- config
location /t {
    content_by_lua_block {
        ngx.say("a")
        ngx.eof()
        local ok, err = ngx.say("b")
        ngx.log(ngx.ERR, "after eof: ", tostring(ok), " ", err)
    }
}
--- request
GET /t
--- response_body
a
--- error_log
after eof: nil seen eof

=== TEST 14: ngx.say is not allowed in header_filter
--- config
location /t {
    content_by_lua_block { ngx.say("body") }
    header_filter_by_lua_block {
        local ok, err = pcall(ngx.say, "x")
        ngx.log(ngx.ERR, "say in header_filter: ", err)
    }
}
--- request
GET /t
--- response_body
body
--- error_log
API disabled in the context of header_filter_by_lua*
