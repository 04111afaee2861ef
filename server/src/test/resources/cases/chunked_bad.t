=== TEST 1: a chunk size that is not hex is 400
--- http_config
client_max_body_size 100;
--- config
location /body {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("got ", ngx.req.get_body_data())
    }
}
--- raw_request
POST /body HTTP/1.1
Host: localhost
Transfer-Encoding: chunked

zz
abc
0
--- error_code: 400
--- response_body_like
400 Bad Request
--- error_log
client sent invalid chunked body

=== TEST 2: a chunk size past a 64-bit number is 400
--- http_config
client_max_body_size 100;
--- config
location /body {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("got ", ngx.req.get_body_data())
    }
}
--- raw_request
POST /body HTTP/1.1
Host: localhost
Transfer-Encoding: chunked

ffffffffffffffffffff
abc
0
--- error_code: 400
--- response_body_like
400 Bad Request
--- error_log
client sent invalid chunked body

=== TEST 3: chunk data not followed by CRLF is 400
--- http_config
client_max_body_size 100;
--- config
location /body {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("got ", ngx.req.get_body_data())
    }
}
--- raw_request
POST /body HTTP/1.1
Host: localhost
Transfer-Encoding: chunked

3
abcX
0
--- error_code: 400
--- response_body_like
400 Bad Request
--- error_log
client sent invalid chunked body

=== TEST 4: a size line that ends in a bad character is 400
--- http_config
client_max_body_size 100;
--- config
location /body {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("got ", ngx.req.get_body_data())
    }
}
--- raw_request
POST /body HTTP/1.1
Host: localhost
Transfer-Encoding: chunked

3x
abc
0
--- error_code: 400
--- response_body_like
400 Bad Request
--- error_log
client sent invalid chunked body

=== TEST 5: a chunk extension and a trailer are accepted
--- http_config
client_max_body_size 100;
--- config
location /body {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say("got ", ngx.req.get_body_data())
    }
}
--- raw_request
POST /body HTTP/1.1
Host: localhost
Transfer-Encoding: chunked
Connection: close

3;name=value
abc
2
de
0
X-Trailer: yes
--- error_code: 200
--- response_body
got abcde
--- no_error_log
client sent invalid chunked body
