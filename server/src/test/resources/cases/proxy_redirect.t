=== TEST 1: proxy_redirect default: the proxy_pass URL becomes the location's name, then an absolute URL
--- config
location /two/ {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/x?a=1", 302) }
}
location /one/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
}
--- request
GET /one/
--- error_code: 302
--- response_headers
Location: http://localhost:$TEST_NGINX_SERVER_PORT/one/x?a=1

=== TEST 2: proxy_redirect default without a URI part: the URL plus "/" becomes "/"
--- config
location /up {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up/y", 301) }
}
location /p {
    rewrite ^ /up break;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT;
}
--- request
GET /p
--- error_code: 301
--- response_headers
Location: http://localhost:$TEST_NGINX_SERVER_PORT/up/y

=== TEST 3: proxy_redirect off passes Location as it came
--- config
location /two/ {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/x", 302) }
}
location /one/ {
    proxy_redirect off;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
}
--- request
GET /one/
--- error_code: 302
--- response_headers
Location: http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/x

=== TEST 4: a prefix rule with variables; a Location it does not match passes unchanged
--- config
location /two/ {
    content_by_lua_block {
        if ngx.var.arg_other then
            ngx.redirect("http://example.com/two/z", 302)
        end
        ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/x", 302)
    }
}
location /one/ {
    proxy_redirect http://$proxy_host/two/ https://$host/three/;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
    header_filter_by_lua_block {
        if ngx.var.arg_other then ngx.header["X-Other"] = ngx.header.Location end
    }
}
location = /both {
    content_by_lua_block {
        local a = ngx.location.capture("/one/")
        local b = ngx.location.capture("/one/", { args = "other=1" })
        ngx.say(a.header.Location)
        ngx.say(b.header.Location)
    }
}
--- request
GET /both
--- response_body
https://localhost/three/x
http://example.com/two/z

=== TEST 5: ~ and ~* rules replace the whole value, with the regex's captures
--- config
location /two/ {
    content_by_lua_block { ngx.redirect("HTTP://Upstream.Example/two/" .. ngx.var.arg_to, 302) }
}
location /cs/ {
    proxy_redirect ~^http://upstream\.example/two/(.*)$ /never/$1;
    proxy_redirect ~*^http://upstream\.example/two/(?<rest>.*)$ https://front.example/re/$rest?x=$1;
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
}
--- request
GET /cs/?to=abc
--- error_code: 302
--- response_headers
Location: https://front.example/re/abc?x=abc

=== TEST 6: the first rule that matches wins; default can stand among others
--- config
location /two/ {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/first", 302) }
}
location /one/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
    proxy_redirect http://nowhere/ /nowhere/;
    proxy_redirect default;
    proxy_redirect http://127.0.0.1:$TEST_NGINX_SERVER_PORT/ http://later.example/;
}
--- request
GET /one/
--- error_code: 302
--- response_headers
Location: http://localhost:$TEST_NGINX_SERVER_PORT/one/first

=== TEST 7: Refresh's url= part is rewritten too, and not made absolute
--- config
location /two/ {
    content_by_lua_block {
        ngx.header["Refresh"] = "5; URL=http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/later"
        ngx.say("wait")
    }
}
location /one/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
}
--- request
GET /one/
--- response_headers
Refresh: 5; URL=/one/later
--- response_body
wait

=== TEST 8: rules of the server level are inherited by a location without its own
--- config
proxy_redirect http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/ http://inherited.example/;
location /two/ {
    content_by_lua_block { ngx.redirect("http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/x", 302) }
}
location /one/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/two/;
}
--- request
GET /one/
--- error_code: 302
--- response_headers
Location: http://inherited.example/x
