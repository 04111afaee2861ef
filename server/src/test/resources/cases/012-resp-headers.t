=== TEST 1: ngx.header in any case, underscores, multi-value tables
--- config
location /t {
    content_by_lua_block {
        ngx.header["X-My-Header"] = "a"
        ngx.header.x_other = {"1", "2"}
        ngx.say(ngx.header.X_MY_HEADER, " ", ngx.header["x-my-header"], " ", table.concat(ngx.header["X-Other"], ","))
    }
}
--- request
GET /t
--- response_headers
X-My-Header: a
--- response_body
a a 1,2

=== TEST 2: nil and {} clear a header
--- config
location /t {
    content_by_lua_block {
        ngx.header.x_a = "1"
        ngx.header.x_b = "2"
        ngx.header.x_a = nil
        ngx.header.x_b = {}
        ngx.say(tostring(ngx.header.x_a), " ", tostring(ngx.header.x_b))
    }
}
--- request
GET /t
--- response_headers
X-A:
X-B:
--- response_body
nil nil

=== TEST 3: Content-Type set by ngx.header
--- config
location /t {
    content_by_lua_block {
        ngx.header.content_type = "application/json"
        ngx.say("{}")
    }
}
--- request
GET /t
--- response_headers
Content-Type: application/json
--- response_body
{}

=== TEST 4: Content-Length set by ngx.header is sent as it is
--- config
location /t {
    content_by_lua_block {
        ngx.header.content_length = 3
        ngx.print("abc")
    }
}
--- request
GET /t
--- response_headers
Content-Length: 3
--- response_body chomp
abc

=== TEST 5: ngx.resp.get_headers, lower-case keys and raw
--- config
location /t {
    content_by_lua_block {
        ngx.header["X-Resp"] = "r"
        ngx.header["X-Two"] = {"a", "b"}
        local h = ngx.resp.get_headers()
        ngx.say(h["x-resp"], " ", h.X_Resp, " ", table.concat(h["x-two"], ","))
        local raw = ngx.resp.get_headers(100, true)
        ngx.say(raw["X-Resp"], " ", tostring(raw["x-resp"]))
        local _, err = ngx.resp.get_headers(1)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
r r a,b
r nil
truncated

=== TEST 6: header_filter edits headers; status readable there
--- config
location /t {
    content_by_lua_block {
        ngx.header.x_from_content = "c"
        ngx.status = 201
        ngx.say("body")
    }
    header_filter_by_lua_block {
        ngx.header.x_from_filter = ngx.header.x_from_content .. ngx.status
        ngx.header.x_from_content = nil
    }
}
--- request
GET /t
--- error_code: 201
--- response_headers
X-From-Filter: c201
X-From-Content:
--- response_body
body

=== TEST 7: setting a header after output is logged, not raised, and not kept
--- config
location /t {
    content_by_lua_block {
        ngx.say("x")
        ngx.header.x_late = "1"
        ngx.say(tostring(ngx.header.x_late))
    }
}
--- request
GET /t
--- response_headers
X-Late:
--- response_body
x
nil
--- error_log
attempt to set ngx.header.HEADER after sending out response headers

=== TEST 8: lua_transform_underscores_in_response_headers off
--- config
lua_transform_underscores_in_response_headers off;
location /t {
    content_by_lua_block {
        ngx.header.x_under = "u"
        ngx.say(ngx.header.x_under)
    }
}
--- request
GET /t
--- response_headers
x_under: u
--- response_body
u

=== TEST 9: ngx.headers_sent before and after output
--- config
location /t {
    content_by_lua_block {
        local before = ngx.headers_sent
        ngx.say("x")
        ngx.say(before, " ", ngx.headers_sent)
    }
}
--- request
GET /t
--- response_body
x
false true

=== TEST 10: ngx.status rules
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.status)
        ngx.status = 202
        local ok, err = pcall(function() ngx.status = "abc" end)
        ngx.say(ngx.status)
    }
}
--- request
GET /t
--- error_code: 200
--- response_body
0
200
