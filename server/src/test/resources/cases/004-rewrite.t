=== TEST 1: return with text uses default_type
--- config
default_type text/plain;
location /t { return 200 "hello $arg_name\n"; }
--- request
GET /t?name=bob
--- response_body
hello bob
--- response_headers
Content-Type: text/plain

=== TEST 2: return with a URL redirects
--- config
location /t { return 301 http://example.com/x; }
--- request
GET /t
--- error_code: 301
--- response_headers
Location: http://example.com/x

=== TEST 3: return without text sends the error page
--- config
location /t { return 404; }
--- request
GET /t
--- error_code: 404
--- response_body_like: <title>404 Not Found</title>

=== TEST 4: set and interpolation
--- config
location /t {
    set $who "world";
    set $greeting "hello, ${who}!";
    content_by_lua_block { ngx.say(ngx.var.greeting) }
}
--- request
GET /t
--- response_body
hello, world!

=== TEST 5: rewrite ... last searches the locations again
--- config
location /old {
    rewrite ^/old/(.*)$ /new/$1 last;
}
location /new {
    content_by_lua_block { ngx.say("new: ", ngx.var.uri, " args: ", ngx.var.args) }
}
--- request
GET /old/page?x=1
--- response_body
new: /new/page args: x=1

=== TEST 6: rewrite ... break stays in the location
--- config
location /b {
    rewrite ^/b/(.*)$ /other/$1 break;
    content_by_lua_block { ngx.say("uri: ", ngx.var.uri) }
}
--- request
GET /b/x
--- response_body
uri: /other/x

=== TEST 7: rewrite ... redirect and permanent
--- config
location /r { rewrite ^/r/(.*)$ /s/$1 permanent; }
--- request
GET /r/z
--- error_code: 301
--- response_headers
Location: http://localhost:$TEST_NGINX_SERVER_PORT/s/z

=== TEST 8: a trailing ? drops the original args
--- config
location /q {
    rewrite ^/q$ /dest? last;
}
location /dest { content_by_lua_block { ngx.say("args: ", tostring(ngx.var.args)) } }
--- request
GET /q?a=1
--- response_body
args: 

=== TEST 9: server-level rewrite runs before the location search
--- config
rewrite ^/legacy$ /modern last;
location /modern { return 200 "modern\n"; }
--- request
GET /legacy
--- response_body
modern

=== TEST 10: add_header on success, not on errors unless always
--- config
location /ok {
    add_header X-A 1;
    add_header X-B 2 always;
    return 200 "ok\n";
}
location /err {
    add_header X-A 1;
    add_header X-B 2 always;
    return 404;
}
--- request
GET /err
--- error_code: 404
--- response_headers
X-A:
X-B: 2

=== TEST 11: error_page redirects to a location
--- config
error_page 404 /custom404;
location /custom404 { return 200 "custom not found\n"; }
location /t { return 404; }
--- request
GET /t
--- error_code: 404
--- response_body
custom not found

=== TEST 12: error_page with =code changes the status
--- config
error_page 403 =200 /fallback;
location /fallback { content_by_lua_block { ngx.say("fallback") } }
location /t { access_by_lua_block { ngx.exit(403) } }
--- request
GET /t
--- error_code: 200
--- response_body
fallback

=== TEST 13: body over client_max_body_size gets 413
--- config
client_max_body_size 10;
location /t { content_by_lua_block { ngx.req.read_body() ngx.say(ngx.req.get_body_data()) } }
--- request
POST /t
0123456789abcdef
--- error_code: 413

=== TEST 14: request body within the limit is read
--- config
client_max_body_size 1k;
location /t { content_by_lua_block { ngx.req.read_body() ngx.say("got ", ngx.req.get_body_data()) } }
--- request
POST /t
hello body
--- response_body
got hello body
