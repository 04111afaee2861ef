=== TEST 1: ngx.now, ngx.time, ngx.today, ngx.localtime, ngx.utctime
--- config
location /t {
    content_by_lua_block {
        local now, t = ngx.now(), ngx.time()
        ngx.say(math.abs(now - t) < 2, " ", t == math.floor(t))
        ngx.say(ngx.today():match("^%d%d%d%d%-%d%d%-%d%d$") ~= nil)
        ngx.say(ngx.localtime():match("^%d%d%d%d%-%d%d%-%d%d %d%d:%d%d:%d%d$") ~= nil)
        ngx.say(ngx.utctime():match("^%d%d%d%d%-%d%d%-%d%d %d%d:%d%d:%d%d$") ~= nil)
        ngx.update_time()
        ngx.say(ngx.now() >= now)
    }
}
--- request
GET /t
--- response_body
true true
true
true
true
true

=== TEST 2: http_time, cookie_time, parse_http_time
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.http_time(1290079655))
        ngx.say(ngx.cookie_time(1290079655))
        ngx.say(ngx.parse_http_time("Thu, 18 Nov 2010 11:27:35 GMT"))
        ngx.say(tostring(ngx.parse_http_time("not a date")))
        ngx.say(ngx.http_time(0))
    }
}
--- request
GET /t
--- response_body
Thu, 18 Nov 2010 11:27:35 GMT
Thu, 18-Nov-10 11:27:35 GMT
1290079655
nil
Thu, 01 Jan 1970 00:00:00 GMT

=== TEST 3: escape_uri and unescape_uri
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.escape_uri("a b&c=d/é~_.-"))
        ngx.say(ngx.unescape_uri("a%20b+c%2"))
        ngx.say(ngx.escape_uri(123))
        ngx.say("[", ngx.escape_uri(nil), "]")
    }
}
--- request
GET /t
--- response_body
a%20b%26c%3Dd%2F%C3%A9~_.-
a b c%2
123
[]


=== TEST 4: encode_args and decode_args
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.encode_args({a = "1 2"}))
        ngx.say(ngx.encode_args({b = true, c = false}))
        ngx.say(ngx.encode_args({m = {"x", "y"}}))
        local t = ngx.decode_args("a=1&b=&c&a=2")
        ngx.say(t.a[1], t.a[2], " [", t.b, "] ", tostring(t.c))
        local t2, err = ngx.decode_args("a=1&b=2&c=3", 2)
        ngx.say(tostring(t2.c))
        ngx.say("[", ngx.encode_args({}), "]")
    }
}
--- request
GET /t
--- response_body
a=1%202
b
m=x&m=y
12 [] true
nil
[]


=== TEST 5: base64, md5, sha1, hmac, crc32
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.encode_base64("hello?>"), " ", ngx.decode_base64("aGVsbG8/Pg=="))
        ngx.say(ngx.encode_base64("ab", true), " ", tostring(ngx.decode_base64("!!")))
        ngx.say(ngx.md5("abc"), " ", #ngx.md5_bin("abc"))
        ngx.say(ngx.encode_base64(ngx.sha1_bin("abc")))
        ngx.say(ngx.encode_base64(ngx.hmac_sha1("key", "msg")))
        ngx.say(ngx.crc32_short("hello"), " ", ngx.crc32_long("hello"))
    }
}
--- request
GET /t
--- response_body
aGVsbG8/Pg== hello?>
YWI nil
900150983cd24fb0d6963f7d28e17f72 16
qZk+NkcGgWq6PiVxeFDCbJzQ2J0=
ECkAtyt78QMe7Ha0gEtmBSN2iWs=
907060870 907060870

=== TEST 6: quote_sql_str
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.quote_sql_str("it's \"q\"\n\\"))
    }
}
--- request
GET /t
--- response_body
'it\'s \"q\"\n\\'
