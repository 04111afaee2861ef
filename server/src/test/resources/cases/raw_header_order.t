=== TEST 1: raw_header returns the request line and header lines as sent: order, case, CRLF
--- config
location /t {
    content_by_lua_block {
        ngx.print((ngx.req.raw_header():gsub("\r", "\\r")))
    }
}
--- raw_request
GET /t?a=1 HTTP/1.1
zeta: last-letter
CONTENT-type: text/plain
hOsT: localhost
X-Mixed-CASE:   padded value
accept: */*
Connection: close

--- response_body
GET /t?a=1 HTTP/1.1\r
zeta: last-letter\r
CONTENT-type: text/plain\r
hOsT: localhost\r
X-Mixed-CASE:   padded value\r
accept: */*\r
Connection: close\r
\r

=== TEST 2: raw_header(true) leaves out the request line
--- config
location /t {
    content_by_lua_block {
        ngx.print((ngx.req.raw_header(true):gsub("\r", "\\r")))
    }
}
--- raw_request
GET /t HTTP/1.1
B: 2
a: 1
Host: localhost
Connection: close

--- response_body
B: 2\r
a: 1\r
Host: localhost\r
Connection: close\r
\r

=== TEST 3: empty lines before the request line are not part of the raw header
--- config
location /t {
    content_by_lua_block {
        ngx.print((ngx.req.raw_header():gsub("\r", "\\r")))
    }
}
--- raw_request

GET /t HTTP/1.1
Host: localhost
Connection: close

--- response_body
GET /t HTTP/1.1\r
Host: localhost\r
Connection: close\r
\r

=== TEST 4: get_headers(0, true) keeps the case the client sent, also for well-known names
--- config
location /t {
    content_by_lua_block {
        local h = ngx.req.get_headers(0, true)
        ngx.say(tostring(h["hOsT"]), " ", tostring(h["Host"]), " ", tostring(h["uSeR-aGeNt"]))
        local plain = ngx.req.get_headers()
        ngx.say(plain["host"], " ", plain["user-agent"])
    }
}
--- raw_request
GET /t HTTP/1.1
hOsT: localhost
uSeR-aGeNt: probe/1
Connection: close

--- response_body
localhost nil probe/1
localhost probe/1

=== TEST 5: repeated headers keep the client's order, interleaved with others
--- config
location /t {
    content_by_lua_block {
        local h = ngx.req.get_headers()
        ngx.say(table.concat(h["x-v"], ","))
    }
}
--- raw_request
GET /t HTTP/1.1
X-V: 1
Host: localhost
x-v: 2
Accept: */*
X-v: 3
Connection: close

--- response_body
1,2,3

=== TEST 6: the raw header of a POST ends at the empty line, before the body
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.print((ngx.req.raw_header():gsub("\r", "\\r")))
        ngx.say(ngx.req.get_body_data())
    }
}
--- raw_request
POST /t HTTP/1.1
Host: localhost
Content-Length: 5
Connection: close

hello
--- response_body
POST /t HTTP/1.1\r
Host: localhost\r
Content-Length: 5\r
Connection: close\r
\r
hello

=== TEST 7: a header larger than the first header buffer comes back whole
--- config
location /t {
    content_by_lua_block {
        local raw = ngx.req.raw_header(true)
        local n = 0
        for _ in raw:gmatch("X%-Long%-%d+: ") do n = n + 1 end
        ngx.say(#raw, " ", n, " ", raw:sub(1, 12))
    }
}
--- raw_request
GET /t HTTP/1.1
X-Long-1: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-2: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-3: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-4: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-5: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-6: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-7: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-8: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-9: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-10: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-11: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
X-Long-12: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
Host: localhost
Connection: close

--- response_body
1394 12 X-Long-1: aa
