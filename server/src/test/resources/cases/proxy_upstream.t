=== TEST 1: a down peer is never tried
--- http_config
upstream backend {
    server 127.0.0.1:1 down;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block { ngx.say("ok") }
}
location /p {
    proxy_pass http://backend/up;
    header_filter_by_lua_block { ngx.header["X-Addr"] = ngx.var.upstream_addr }
}
--- request
GET /p
--- response_headers
X-Addr: 127.0.0.1:$TEST_NGINX_SERVER_PORT

=== TEST 2: the backup peer serves when the primary fails, and max_fails takes the failed peer out for fail_timeout
--- http_config
upstream backend {
    server 127.0.0.1:1 max_fails=1 fail_timeout=30s;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT backup;
}
--- config
location /up {
    content_by_lua_block { ngx.say("ok") }
}
location /p {
    proxy_pass http://backend/up;
    header_filter_by_lua_block {
        ngx.header["X-Addr"] = ngx.var.upstream_addr
        ngx.header["X-Status"] = ngx.var.upstream_status
    }
}
location = /t {
    content_by_lua_block {
        for i = 1, 2 do
            local r = ngx.location.capture("/p")
            ngx.say(r.status, " ", r.header["X-Addr"], " ", r.header["X-Status"])
        end
    }
}
--- request
GET /t
--- response_body
200 127.0.0.1:1, 127.0.0.1:$TEST_NGINX_SERVER_PORT 502, 200
200 127.0.0.1:$TEST_NGINX_SERVER_PORT 200

=== TEST 3: proxy_next_upstream http_500 retries a 500, and $upstream_response_time lists each try
--- http_config
lua_shared_dict calls 1m;
upstream backend {
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block {
        local n = ngx.shared.calls:incr("n", 1, 0)
        if n == 1 then
            ngx.status = 500
            ngx.say("failed")
            return
        end
        ngx.say("ok on call ", n)
    }
}
location /p {
    proxy_next_upstream error timeout http_500;
    proxy_pass http://backend/up;
    header_filter_by_lua_block {
        ngx.header["X-Status"] = ngx.var.upstream_status
        ngx.header["X-Times"] = ngx.var.upstream_response_time
    }
}
--- request
GET /p
--- response_headers
X-Status: 500, 200
--- response_body
ok on call 2

=== TEST 4: without http_500 the 500 is the answer; proxy_next_upstream off stops at the first error
--- http_config
upstream backend {
    server 127.0.0.1:1;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block { ngx.status = 500 ngx.say("failed") }
}
location /p500 {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location /off {
    proxy_next_upstream off;
    proxy_pass http://backend/up;
    header_filter_by_lua_block { ngx.header["X-Status"] = ngx.var.upstream_status }
}
location = /t {
    content_by_lua_block {
        local a = ngx.location.capture("/p500")
        local b = ngx.location.capture("/off")
        ngx.say(a.status, " ", a.body, b.status, " ", b.header["X-Status"])
    }
}
--- request
GET /t
--- response_body
500 failed
502 502

=== TEST 5: hash $arg_k picks peers as nginx's hash does, rehashing past peers that fail
--- http_config
upstream backend {
    hash $arg_k;
    server 127.0.0.1:1 max_fails=0;
    server 127.0.0.1:2 max_fails=0 weight=2;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT max_fails=0;
    server 127.0.0.1:3 max_fails=0;
}
--- config
location /up {
    content_by_lua_block { ngx.say("ok") }
}
location /p {
    proxy_pass http://backend/up;
    header_filter_by_lua_block { ngx.header["X-Addr"] = ngx.var.upstream_addr }
}
location = /t {
    content_by_lua_block {
        for _, k in ipairs({"a", "b", "c", "d", "e", "f", "user-42", ""}) do
            local r = ngx.location.capture("/p", { args = { k = k } })
            ngx.say(k, ": ", (r.header["X-Addr"]:gsub("$TEST_NGINX_SERVER_PORT", "P")))
        end
    }
}
--- request
GET /t
--- response_body
a: 127.0.0.1:2, 127.0.0.1:3, 127.0.0.1:P
b: 127.0.0.1:P
c: 127.0.0.1:2, 127.0.0.1:1, 127.0.0.1:3, 127.0.0.1:P
d: 127.0.0.1:1, 127.0.0.1:P
e: 127.0.0.1:3, 127.0.0.1:P
f: 127.0.0.1:3, 127.0.0.1:2, 127.0.0.1:P
user-42: 127.0.0.1:2, 127.0.0.1:3, 127.0.0.1:1, 127.0.0.1:P
: 127.0.0.1:2, 127.0.0.1:1, 127.0.0.1:P

=== TEST 6: max_conns: a peer at its limit is not picked, and with no other peer the request gets 502
--- http_config
upstream backend {
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT max_conns=1;
}
--- config
location /up {
    content_by_lua_block { ngx.sleep(0.3) ngx.say("ok") }
}
location /p {
    proxy_pass http://backend/up;
}
location = /t {
    content_by_lua_block {
        -- which of the two concurrent captures wins the one connection is a race on jresty
        local a, b = ngx.location.capture_multi({ { "/p" }, { "/p" } })
        local s = { a.status, b.status }
        table.sort(s)
        ngx.say(s[1], " ", s[2])
    }
}
--- request
GET /t
--- response_body
200 502
--- error_log
no live upstreams while connecting to upstream

=== TEST 7: $upstream_response_time and $upstream_header_time list one time per try
--- http_config
upstream backend {
    server 127.0.0.1:1;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block { ngx.sleep(0.05) ngx.say("ok") }
}
location /p {
    proxy_pass http://backend/up;
    header_filter_by_lua_block {
        local function shape(v)
            return (v:gsub("%d+%.%d%d%d", "N"))
        end
        ngx.header["X-Response"] = shape(ngx.var.upstream_response_time)
        ngx.header["X-Header"] = shape(ngx.var.upstream_header_time)
    }
}
--- request
GET /p
--- response_headers
X-Response: N, -
X-Header: -, N
--- response_body
ok
