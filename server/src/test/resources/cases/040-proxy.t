=== TEST 1: proxy_pass with a URI part replaces the location prefix
--- config
location /up/ {
    content_by_lua_block { ngx.say("upstream uri: ", ngx.var.request_uri) }
}
location /p/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up/;
}
--- request
GET /p/a/b?x=1
--- response_body
upstream uri: /up/a/b?x=1

=== TEST 2: proxy_pass without a URI part passes the URI the client sent
--- config
location /raw {
    content_by_lua_block { ngx.say("upstream uri: ", ngx.var.request_uri) }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
location = /entry {
    rewrite ^ /raw/changed break;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- request
GET /entry
--- response_body
upstream uri: /raw/changed

=== TEST 3: default Host is $proxy_host, Connection is close, client headers pass, proxy_set_header adds
--- config
location /up {
    content_by_lua_block {
        ngx.say("host: ", ngx.var.http_host)
        ngx.say("connection: ", ngx.var.http_connection)
        ngx.say("x-client: ", ngx.var.http_x_client)
        ngx.say("x-real: ", ngx.var.http_x_real)
        ngx.say("x-dropped: ", ngx.var.http_x_dropped)
    }
}
location /p {
    proxy_set_header X-Real "from-proxy";
    proxy_set_header X-Dropped "";
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- more_headers
X-Client: abc
X-Dropped: gone
--- response_body
host: 127.0.0.1:$TEST_NGINX_SERVER_PORT
connection: close
x-client: abc
x-real: from-proxy
x-dropped: nil

=== TEST 4: the upstream's status and headers reach the client
--- config
location /up {
    content_by_lua_block {
        ngx.status = 201
        ngx.header["X-Up"] = "yes"
        ngx.say("created")
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- error_code: 201
--- response_headers
X-Up: yes
--- response_body
created

=== TEST 5: the request body is passed, with its method
--- config
location /up {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say(ngx.req.get_method(), " ", ngx.req.get_body_data(), " ", ngx.var.http_content_length)
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
POST /p
hello upstream
--- response_body
POST hello upstream 14

=== TEST 6: header_filter and body_filter see the proxied response
--- config
location /up {
    content_by_lua_block { ngx.print("quiet words") }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
    header_filter_by_lua_block {
        ngx.header["X-Seen-Status"] = ngx.status
        ngx.header.content_length = nil
    }
    body_filter_by_lua_block { ngx.arg[1] = string.upper(ngx.arg[1]) }
}
--- request
GET /p
--- response_headers
X-Seen-Status: 200
--- response_body chomp
QUIET WORDS

=== TEST 7: an upstream block, with $upstream_addr and $upstream_status
--- http_config
upstream backend {
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
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
--- request
GET /p
--- response_headers
X-Addr: 127.0.0.1:$TEST_NGINX_SERVER_PORT
X-Status: 200
--- response_body
ok

=== TEST 8: a closed port gives 502 with nginx's error line
--- config
location /p {
    proxy_pass http://127.0.0.1:1/x;
}
--- request
GET /p
--- error_code: 502
--- error_log
connect() failed (111: Connection refused) while connecting to upstream

=== TEST 9: on error the next peer is tried, and $upstream_addr lists both
--- http_config
upstream backend {
    server 127.0.0.1:1;
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block { ngx.say("second peer answered") }
}
location /p {
    proxy_pass http://backend/up;
    header_filter_by_lua_block {
        ngx.header["X-Addr"] = ngx.var.upstream_addr
        ngx.header["X-Status"] = ngx.var.upstream_status
    }
}
--- request
GET /p
--- response_headers
X-Addr: 127.0.0.1:1, 127.0.0.1:$TEST_NGINX_SERVER_PORT
X-Status: 502, 200
--- response_body
second peer answered

=== TEST 10: proxy_intercept_errors sends the upstream's error to error_page
--- config
location /up {
    return 404;
}
location @missing {
    content_by_lua_block { ngx.say("intercepted by ", ngx.var.uri) }
}
location /p {
    proxy_intercept_errors on;
    error_page 404 = @missing;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- response_body
intercepted by /p

=== TEST 11: without proxy_intercept_errors the upstream's error page passes through
--- config
location /up {
    content_by_lua_block { ngx.status = 404 ngx.say("upstream says missing") }
}
location /p {
    error_page 404 /nowhere;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
GET /p
--- error_code: 404
--- response_body
upstream says missing

=== TEST 12: proxy_pass_request_headers off and proxy_pass_request_body off
--- config
location /up {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("x-client: ", ngx.var.http_x_client, " body: ", ngx.req.get_body_data())
    }
}
location /p {
    proxy_pass_request_headers off;
    proxy_pass_request_body off;
    proxy_set_header Content-Length "";
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
}
--- request
POST /p
some body
--- more_headers
X-Client: abc
--- response_body
x-client: nil body: nil

=== TEST 13: balancer_by_lua picks the peer with ngx.balancer
--- http_config
upstream dyn {
    server 0.0.0.1;
    balancer_by_lua_block {
        local balancer = require "ngx.balancer"
        local ok, err = balancer.set_current_peer("127.0.0.1", tonumber(ngx.var.server_port))
        if not ok then
            ngx.log(ngx.ERR, "set_current_peer: ", err)
        end
    }
}
--- config
location /up {
    content_by_lua_block { ngx.say("picked by lua") }
}
location /p {
    proxy_pass http://dyn/up;
}
--- request
GET /p
--- response_body
picked by lua

=== TEST 14: balancer_by_lua retries with set_more_tries and sees get_last_failure
--- http_config
upstream dyn {
    server 0.0.0.1;
    balancer_by_lua_block {
        local balancer = require "ngx.balancer"
        local state, code = balancer.get_last_failure()
        if not state then
            balancer.set_more_tries(1)
            assert(balancer.set_current_peer("127.0.0.1", 1))
        else
            ngx.log(ngx.WARN, "last failure: ", state, " ", code)
            assert(balancer.set_current_peer("127.0.0.1", tonumber(ngx.var.server_port)))
        end
    }
}
--- config
location /up {
    content_by_lua_block { ngx.say("second try") }
}
location /p {
    proxy_pass http://dyn/up;
}
--- request
GET /p
--- response_body
second try
--- error_log
last failure: failed 502

=== TEST 15: ngx.balancer outside balancer_by_lua returns an error
--- config
location /t {
    content_by_lua_block {
        local balancer = require "ngx.balancer"
        ngx.say(balancer.set_current_peer("127.0.0.1", 80))
    }
}
--- request
GET /t
--- response_body
nilno upstream found

=== TEST 16: proxy_pass with variables goes to the host the variables name
--- config
location /up {
    content_by_lua_block { ngx.say(ngx.var.request_uri, " via ", ngx.var.http_host) }
}
location /p {
    set $target "127.0.0.1:$TEST_NGINX_SERVER_PORT";
    proxy_pass http://$target/up$is_args$args;
}
--- request
GET /p?a=1
--- response_body
/up?a=1 via 127.0.0.1:$TEST_NGINX_SERVER_PORT

=== TEST 17: proxy_pass with variables finds an upstream block by name at run time
--- http_config
upstream backend {
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- config
location /up {
    content_by_lua_block { ngx.say(ngx.var.request_uri, " via ", ngx.var.http_host) }
}
location /named {
    set $name backend;
    proxy_pass http://$name/up/named;
}
--- request
GET /named
--- response_body
/up/named via backend

=== TEST 18: jresty.upstream reports upstreams and their peers as JSON
--- jresty_only: jresty's own module (nginx has no run-time upstream API)
--- http_config
upstream backend {
    server 127.0.0.1:$TEST_NGINX_SERVER_PORT weight=3;
    server 127.0.0.1:1 backup;
}
--- config
location /t {
    content_by_lua_block {
        local upstream = require "jresty.upstream"
        local status = require("cjson").decode(upstream.status())
        local peers = status.upstreams.backend.peers
        ngx.say(#peers, " ", peers[1].weight, " ", peers[1].state, " ", tostring(peers[2].backup))
        ngx.say(upstream.get_servers("nosuch"))
    }
}
--- request
GET /t
--- response_body
2 3 up true
nilupstream not found

=== TEST 19: repeated response headers (Set-Cookie) all reach the client, hop-by-hop ones do not
--- config
location /up {
    content_by_lua_block {
        ngx.header["Set-Cookie"] = { "a=1", "b=2" }
        ngx.header["Keep-Alive"] = "timeout=5"
        ngx.say("cookies")
    }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
    header_filter_by_lua_block {
        local c = ngx.header["Set-Cookie"]
        ngx.header["X-Cookies"] = type(c) == "table" and table.concat(c, "|") or c
        ngx.header["X-Keep-Alive"] = ngx.header["Keep-Alive"] or "none"
    }
}
--- request
GET /p
--- response_headers
X-Cookies: a=1|b=2
X-Keep-Alive: none
--- response_body
cookies

=== TEST 20: $upstream_response_time is seconds with milliseconds, in the log phase too
--- config
location /up {
    content_by_lua_block { ngx.say("timed") }
}
location /p {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up;
    log_by_lua_block {
        ngx.log(ngx.WARN, "response time format ok: ", ngx.re.find(ngx.var.upstream_response_time, [[^\d+\.\d{3}$]]) ~= nil)
    }
}
--- request
GET /p
--- response_body
timed
--- error_log
response time format ok: true

=== TEST 21: proxy_redirect default points the upstream's Location back through the proxy
--- config
location /up/ {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up/next", 302) }
}
location /p/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up/;
    header_filter_by_lua_block { ngx.header["X-Location"] = ngx.header.location }
}
--- request
GET /p/start
--- error_code: 302
--- response_headers
X-Location: /p/next

=== TEST 22: without a URI part, the proxy_pass URL and "/" become "/"
--- config
location /other {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/elsewhere", 301) }
}
location /p {
    rewrite ^ /other break;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT;
    header_filter_by_lua_block { ngx.header["X-Location"] = ngx.header.location }
}
--- request
GET /p
--- error_code: 301
--- response_headers
X-Location: /elsewhere
