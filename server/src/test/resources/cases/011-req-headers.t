=== TEST 1: get_headers: lower-case keys, repeated headers as tables, any-case lookup
--- config
location /t {
    content_by_lua_block {
        local h = ngx.req.get_headers()
        ngx.say(h["x-one"], " ", h.X_One, " ", h["X-ONE"])
        ngx.say(table.concat(h["x-multi"], ","))
        local names = {}
        for k in pairs(h) do names[#names + 1] = k end
        table.sort(names)
        ngx.say(table.concat(names, " "))
    }
}
--- request
GET /t
--- more_headers
X-One: 1
X-Multi: a
x-multi: b
--- response_body
1 1 1
a,b
connection host x-multi x-one

=== TEST 2: get_headers(max) truncates and says so
--- config
location /t {
    content_by_lua_block {
        local h, err = ngx.req.get_headers(2)
        local n = 0
        for _ in pairs(h) do n = n + 1 end
        ngx.say(n, " ", err)
        local all, err2 = ngx.req.get_headers(0)
        n = 0
        for _ in pairs(all) do n = n + 1 end
        ngx.say(n, " ", tostring(err2))
    }
}
--- request
GET /t
--- more_headers
A: 1
B: 2
C: 3
--- response_body
2 truncated
5 nil

=== TEST 3: get_headers(max, raw) keeps the case as sent
--- config
location /t {
    content_by_lua_block {
        local h = ngx.req.get_headers(100, true)
        ngx.say(tostring(h["X-Raw-Case"]), " ", tostring(h["x-raw-case"]))
    }
}
--- request
GET /t
--- more_headers
X-Raw-Case: v
--- response_body
v nil

=== TEST 4: set_header and clear_header are seen by get_headers and $http_*
--- config
location /t {
    rewrite_by_lua_block {
        ngx.req.set_header("X-Added", "new")
        ngx.req.set_header("X_Under", "u")
        ngx.req.set_header("X-Multi", {"1", "2"})
        ngx.req.clear_header("X-Gone")
        ngx.req.set_header("X-Nil", nil)
    }
    content_by_lua_block {
        local h = ngx.req.get_headers()
        ngx.say(h["x-added"], " ", ngx.var.http_x_added, " ", tostring(h["x-under"]), " ", rawget(h, "x_under"))
        ngx.say(table.concat(h["x-multi"], ","), " ", tostring(h["x-gone"]), " ", tostring(ngx.var.http_x_gone))
        ngx.say(tostring(h["x-nil"]))
    }
}
--- request
GET /t
--- more_headers
X-Gone: bye
X-Nil: n
--- response_body
new new nil u
1,2 nil nil
nil

=== TEST 5: raw_header with and without the request line
--- config
location /t {
    content_by_lua_block {
        ngx.say((ngx.req.raw_header():gsub("\r\n", "|")))
        ngx.say((ngx.req.raw_header(true):gsub("\r\n", "|")))
    }
}
--- raw_request
GET /t?a=1 HTTP/1.0
Host: localhost

--- response_body
GET /t?a=1 HTTP/1.0|Host: localhost||
Host: localhost||

=== TEST 6: get_method, set_method, http_version, is_internal
--- config
location /t {
    rewrite_by_lua_block {
        ngx.req.set_method(ngx.HTTP_PUT)
    }
    content_by_lua_block {
        ngx.say(ngx.req.get_method(), " ", ngx.var.request_method, " ", ngx.req.http_version(), " ", tostring(ngx.req.is_internal()))
        local ok, err = pcall(ngx.req.set_method, 12345)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
PUT PUT 1.1 false
unsupported HTTP method: 12345

=== TEST 7: HTTP/1.0 version and start_time
--- config
location /t {
    content_by_lua_block {
        local st = ngx.req.start_time()
        ngx.say(ngx.req.http_version(), " ", st <= ngx.now() and st > ngx.now() - 60)
    }
}
--- request
GET /t HTTP/1.0
--- response_body
1 true

=== TEST 8: is_internal after ngx.exec
--- config
location /t {
    content_by_lua_block {
        ngx.exec("/in")
    }
}
location /in {
    content_by_lua_block {
        ngx.say(tostring(ngx.req.is_internal()))
    }
}
--- request
GET /t
--- response_body
true

=== TEST 9: get_uri_args: empty values, flags, repeated keys, escapes
--- config
location /t {
    content_by_lua_block {
        local args = ngx.req.get_uri_args()
        ngx.say("[", args.a, "] ", tostring(args.b), " ", table.concat(args.c, ","), " ", args["k y"], " ", tostring(args[""]))
    }
}
--- request
GET /t?a=&b&c=1&c=2&k+y=%41%2&=x&&
--- response_body
[] true 1,2 A%2 nil

=== TEST 10: get_uri_args(max) truncates
--- config
location /t {
    content_by_lua_block {
        local args, err = ngx.req.get_uri_args(2)
        ngx.say(args.a, " ", args.b, " ", tostring(args.c), " ", tostring(err))
        args, err = ngx.req.get_uri_args(0)
        ngx.say(args.c, " ", tostring(err))
    }
}
--- request
GET /t?a=1&b=2&c=3
--- response_body
1 2 nil truncated
3 nil

=== TEST 11: set_uri_args with a string and with a table
--- config
location /t {
    content_by_lua_block {
        ngx.req.set_uri_args("x=1&y=2")
        ngx.say(ngx.var.args, " ", ngx.var.arg_y)
        ngx.req.set_uri_args({a = "b c"})
        ngx.say(ngx.var.args, " ", ngx.req.get_uri_args().a)
    }
}
--- request
GET /t?old=1
--- response_body
x=1&y=2 2
a=b%20c b c

=== TEST 12: set_uri without jump changes $uri, with jump in rewrite it re-matches
--- config
location /t {
    rewrite_by_lua_block {
        ngx.req.set_uri("/other", true)
    }
}
location /other {
    content_by_lua_block {
        ngx.say(ngx.var.uri, " ", ngx.var.request_uri)
        ngx.req.set_uri("/changed")
        ngx.say(ngx.var.uri)
    }
}
--- request
GET /t?q=1
--- response_body
/other /t?q=1
/changed

=== TEST 13: set_uri with jump outside rewrite is an error
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.req.set_uri, "/x", true)
        ngx.say(err)
        ok, err = pcall(ngx.req.set_uri, "")
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
API disabled in the context of content_by_lua*
attempt to use zero-length uri
