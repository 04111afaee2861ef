=== TEST 1: exact match wins over everything
--- config
location = /t { return 200 "exact\n"; }
location /t { return 200 "prefix\n"; }
location ~ ^/t { return 200 "regex\n"; }
--- request
GET /t
--- response_body
exact

=== TEST 2: regex wins over a plain prefix
--- config
location /images/ { return 200 "prefix\n"; }
location ~* \.(gif|jpg)$ { return 200 "regex\n"; }
--- request
GET /images/a.JPG
--- response_body
regex

=== TEST 3: ^~ prefix skips the regexes
--- config
location ^~ /images/ { return 200 "preferred\n"; }
location ~* \.(gif|jpg)$ { return 200 "regex\n"; }
--- request
GET /images/a.jpg
--- response_body
preferred

=== TEST 4: the longest prefix wins
--- config
location / { return 200 "root\n"; }
location /a/ { return 200 "a\n"; }
location /a/b/ { return 200 "ab\n"; }
--- request
GET /a/b/c
--- response_body
ab

=== TEST 5: regexes are tried in conf order
--- config
location ~ /x { return 200 "first\n"; }
location ~ /x/y { return 200 "second\n"; }
--- request
GET /x/y
--- response_body
first

=== TEST 6: case-sensitive regex does not match other case
--- config
location ~ \.PNG$ { return 200 "upper\n"; }
location / { return 200 "fallback\n"; }
--- request
GET /a.png
--- response_body
fallback

=== TEST 7: nested location inside a prefix
--- config
location /api/ {
    location /api/v1/ { return 200 "v1\n"; }
    return 200 "api\n";
}
--- request
GET /api/v1/users
--- response_body
v1

=== TEST 8: regex captures are $1..$9 and ngx.var[1]
--- config
location ~ ^/user/(\d+)/(\w+)$ {
    content_by_lua_block { ngx.say(ngx.var[1], " ", ngx.var[2]) }
}
--- request
GET /user/42/name
--- response_body
42 name

=== TEST 9: named locations are not matched by URI
--- config
location @x { return 200 "named\n"; }
location / { return 200 "root\n"; }
--- request
GET /@x
--- response_body
root

=== TEST 10: an internal location answers 404 to clients
--- config
location /hidden { internal; return 200 "secret\n"; }
--- request
GET /hidden
--- error_code: 404

=== TEST 11: server selection by Host, unknown Host goes to the default server
--- full_config
events {}
http {
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name first.test;
        return 200 "first\n";
    }
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT default_server;
        server_name default.test;
        return 200 "default\n";
    }
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name *.wild.test;
        return 200 "wildcard\n";
    }
}
--- request
GET /
--- more_headers
Host: unknown.test
--- response_body
default

=== TEST 12: wildcard server name
--- full_config
events {}
http {
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name first.test;
        return 200 "first\n";
    }
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name *.wild.test;
        return 200 "wildcard\n";
    }
}
--- request
GET /
--- more_headers
Host: a.b.wild.test:8080
--- response_body
wildcard

=== TEST 13: regex server name
--- full_config
events {}
http {
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name first.test;
        return 200 "first\n";
    }
    server {
        listen 127.0.0.1:$TEST_NGINX_SERVER_PORT;
        server_name ~^api\d+\.test$;
        return 200 "regex\n";
    }
}
--- request
GET /
--- more_headers
Host: api7.test
--- response_body
regex
