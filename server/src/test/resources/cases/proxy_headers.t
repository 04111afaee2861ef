=== TEST 1: by default Server, Date, X-Pad and the X-Accel-* headers nginx acts on stay away from the client
--- config
location /up {
    content_by_lua_block {
        ngx.header["Server"] = "upstream-server"
        ngx.header["X-Pad"] = "pad"
        ngx.header["X-Accel-Expires"] = "10"
        ngx.header["X-Accel-Redirect-Not"] = "other"
        ngx.header["X-Accel-Custom"] = "custom"
        ngx.header["X-Kept"] = "kept"
        ngx.say("body")
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
    header_filter_by_lua_block {
        ngx.header["X-Seen-Server"] = ngx.header["Server"]
    }
}
--- request
GET /p
--- response_headers
X-Pad:
X-Accel-Expires:
X-Accel-Redirect-Not: other
X-Accel-Custom: custom
X-Kept: kept
X-Seen-Server:
--- response_body
body

=== TEST 2: proxy_hide_header adds a name, proxy_pass_header lets a default one through
--- config
location /up {
    content_by_lua_block {
        ngx.header["Server"] = "upstream-server"
        ngx.header["X-Pad"] = "pad"
        ngx.header["X-Secret"] = "s"
        ngx.header["X-Kept"] = "kept"
        ngx.say("body")
    }
}
location /p {
    proxy_hide_header x-secret;
    proxy_pass_header X-Pad;
    proxy_pass_header Server;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- response_headers
Server: upstream-server
X-Pad: pad
X-Secret:
X-Kept: kept

=== TEST 3: a location's own proxy_hide_header list replaces the one it would inherit
--- config
proxy_hide_header X-Outer;
location /up {
    content_by_lua_block {
        ngx.header["X-Outer"] = "o"
        ngx.header["X-Inner"] = "i"
        ngx.say("body")
    }
}
location /inherits {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location /own {
    proxy_hide_header X-Inner;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location = /t {
    content_by_lua_block {
        local a = ngx.location.capture("/inherits")
        local b = ngx.location.capture("/own")
        ngx.say("inherits: ", a.header["X-Outer"], " ", a.header["X-Inner"])
        ngx.say("own: ", b.header["X-Outer"], " ", b.header["X-Inner"])
    }
}
--- request
GET /t
--- response_body
inherits: nil i
own: o nil

=== TEST 4: proxy_pass_header also frees a name that proxy_hide_header hides
--- config
location /up {
    content_by_lua_block {
        ngx.header["X-Both"] = "b"
        ngx.say("body")
    }
}
location /p {
    proxy_hide_header X-Both;
    proxy_pass_header X-Both;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- response_headers
X-Both: b

=== TEST 5: proxy_pass_header Date passes the upstream's Date instead of the proxy's own
--- config
location /up {
    content_by_lua_block {
        ngx.header["Date"] = "Sat, 01 Jan 2000 00:00:00 GMT"
        ngx.say("body")
    }
}
location /p {
    proxy_pass_header Date;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- response_headers
Date: Sat, 01 Jan 2000 00:00:00 GMT

=== TEST 6: proxy_set_header with an empty value keeps a client header from the upstream; request headers and body can be left out
--- config
location /up {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("x-client: ", ngx.var.http_x_client, ", x-set: ", ngx.var.http_x_set, ", body: ", ngx.req.get_body_data())
    }
}
location /empty {
    proxy_set_header X-Client "";
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location /noheaders {
    proxy_pass_request_headers off;
    proxy_pass_request_body off;
    proxy_set_header Content-Length "";
    proxy_set_header X-Set "set";
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location = /t {
    content_by_lua_block {
        ngx.req.read_body()
        local a = ngx.location.capture("/empty", { method = ngx.HTTP_POST, body = "hello" })
        local b = ngx.location.capture("/noheaders", { method = ngx.HTTP_POST, body = "hello" })
        ngx.print(a.body, b.body)
    }
}
--- request
POST /t
hello
--- more_headers
X-Client: c
--- response_body
x-client: nil, x-set: nil, body: hello
x-client: nil, x-set: set, body: nil

=== TEST 7: proxy_http_version 1.1 sends HTTP/1.1 with Connection close unless set otherwise
--- config
location /up {
    content_by_lua_block {
        ngx.say(ngx.req.http_version(), " ", ngx.var.http_connection)
    }
}
location /v10 {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location /v11 {
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location = /t {
    content_by_lua_block {
        ngx.print(ngx.location.capture("/v10").body, ngx.location.capture("/v11").body)
    }
}
--- request
GET /t
--- response_body
1 close
1.1 nil

=== TEST 8: X-Accel-Redirect from the upstream redirects internally (as GET, with the args it names)
--- config
location /up {
    content_by_lua_block {
        ngx.header["X-Accel-Redirect"] = "/target?from=upstream"
        ngx.header["Set-Cookie"] = "a=b"
        ngx.header["X-Other"] = "o"
        ngx.header["Cache-Control"] = "max-age=5"
        ngx.header["Expires"] = "Thu, 01 Jan 2037 00:00:00 GMT"
        ngx.header["Content-Disposition"] = "inline"
        ngx.header["Link"] = "</x>"
        ngx.header["WWW-Authenticate"] = "Basic"
        ngx.header["Content-Language"] = "en"
        ngx.header["Last-Modified"] = "Thu, 01 Jan 2015 00:00:00 GMT"
        ngx.header["ETag"] = "\"e\""
        ngx.say("not this body")
    }
}
location /target {
    internal;
    content_by_lua_block {
        ngx.say("target: ", ngx.req.get_method(), " ", ngx.var.args, " ", ngx.var.uri)
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
POST /p
body
--- response_headers
Set-Cookie: a=b
X-Other:
Cache-Control: max-age=5
Expires: Thu, 01 Jan 2037 00:00:00 GMT
Content-Disposition: inline
Link:
WWW-Authenticate:
Content-Language:
Last-Modified:
ETag:
--- response_body
target: GET from=upstream /target

=== TEST 9: X-Accel-Redirect to a named location; proxy_ignore_headers X-Accel-Redirect passes the response as it is
--- config
location /up {
    content_by_lua_block {
        ngx.header["X-Accel-Redirect"] = "@named"
        ngx.say("upstream body")
    }
}
location @named {
    content_by_lua_block { ngx.say("named: ", ngx.var.uri) }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location /ignored {
    proxy_ignore_headers X-Accel-Redirect;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
location = /t {
    content_by_lua_block {
        ngx.print(ngx.location.capture("/p").body, ngx.location.capture("/ignored").body)
    }
}
--- request
GET /t
--- response_body
named: /p
upstream body

=== TEST 10: only Connection, Keep-Alive and Transfer-Encoding are consumed; TE, Trailer, Proxy-Connection and Upgrade pass
--- config
location /up {
    content_by_lua_block {
        ngx.header["Keep-Alive"] = "timeout=5"
        ngx.header["TE"] = "trailers"
        ngx.header["Trailer"] = "X-T"
        ngx.header["Proxy-Connection"] = "keep-alive"
        ngx.header["Upgrade"] = "h2c"
        ngx.say("passed")
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- response_headers
Keep-Alive:
TE: trailers
Trailer: X-T
Proxy-Connection: keep-alive
Upgrade: h2c
--- response_body
passed
