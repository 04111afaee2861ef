=== TEST 1: parse_http_time formats, http_time and cookie_time edges
--- config
location /t {
    content_by_lua_block {
        ngx.say(tostring(ngx.parse_http_time("Thursday, 18-Nov-10 11:27:35 GMT")), " ", tostring(ngx.parse_http_time("Thu Nov 18 11:27:35 2010")))
        ngx.say(ngx.http_time(1.9), " ", ngx.cookie_time(2000000000))
        ngx.say(pcall(ngx.http_time, "x"))
        ngx.say(pcall(ngx.http_time))
    }
}
--- request
GET /t
--- response_body
1290079655 1290079655
Thu, 01 Jan 1970 00:00:01 GMT Wed, 18-May-33 03:33:20 GMT
falsenumber argument only
falsenumber argument only

=== TEST 2: escape_uri types, unescape_uri of broken escapes
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.escape_uri("a b/?&=", 0), " ", ngx.escape_uri("a b/?&=", 2))
        ngx.say(ngx.unescape_uri("%zz%4"), " ", ngx.unescape_uri(nil) == "")
        ngx.say(ngx.escape_uri({}):match("^table%%3A%%20") ~= nil)
    }
}
--- request
GET /t
--- response_body
a%20b/%3F&= a%20b%2F%3F%26%3D
%zz%4 true
true

=== TEST 3: encode_args and decode_args edges
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.encode_args({a = {1, true, false}}))
        ngx.say("[", ngx.encode_args({a = {}}), "]")
        ngx.say(pcall(ngx.encode_args, {[1] = "x"}))
        ngx.say(pcall(ngx.encode_args, {a = print}))
        local t = ngx.decode_args("a=%41&b=c+d&=e&f", 0)
        ngx.say(t.a, " ", t.b, " ", tostring(t[""]), " ", tostring(t.f))
    }
}
--- request
GET /t
--- response_body
a=1&a
[]
falseattempt to use a non-string key in the "args" option table
falseattempt to use function as query arg value
A c d nil true

=== TEST 4: base64 padding, digests of nil and numbers, crc32, quote_sql_str
--- config
location /t {
    content_by_lua_block {
        ngx.say(tostring(ngx.decode_base64("YQ")), " ", tostring(ngx.decode_base64("YQ=")), " ", tostring(ngx.decode_base64(" YQ==")))
        ngx.say("[", ngx.encode_base64(nil), "]")
        ngx.say(ngx.md5(""), " ", ngx.md5(nil), " ", ngx.md5(12))
        ngx.say(ngx.crc32_short(""), " ", ngx.crc32_long("x"))
        ngx.say(ngx.quote_sql_str("\0\b\t\r\26"))
        ngx.say(pcall(ngx.quote_sql_str, nil))
    }
}
--- request
GET /t
--- response_body
a a nil
[]
d41d8cd98f00b204e9800998ecf8427e d41d8cd98f00b204e9800998ecf8427e c20ad4d76fe97759aa27a0c99bff6710
0 2363233923
'\0\b\t\r\Z'
falsebad argument #1 to '?' (string expected, got nil)

=== TEST 5: a bad argument names the function as the call site does: '?' under pcall
--- config
location /t {
    content_by_lua_block {
        ngx.say(pcall(ngx.quote_sql_str, nil))
        ngx.say(pcall(function() local r = ngx.quote_sql_str(nil) return r end))
        ngx.say(pcall(function() ngx.req.set_uri_args(nil) end))
        ngx.say(pcall(function() ngx.say({a = 1}) end))
        ngx.say(pcall(function() ngx.log({}) end))
    }
}
--- request
GET /t
--- response_body
falsebad argument #1 to '?' (string expected, got nil)
falsecontent_by_lua(nginx.conf:9):3: bad argument #1 to 'quote_sql_str' (string expected, got nil)
falsecontent_by_lua(nginx.conf:9):4: bad argument #1 to 'set_uri_args' (string, number, or table expected, but got nil)
falsecontent_by_lua(nginx.conf:9):5: bad argument #1 to 'say' (non-array table found)
falsecontent_by_lua(nginx.conf:9):6: bad argument #1 to 'log' (number expected, got table)
