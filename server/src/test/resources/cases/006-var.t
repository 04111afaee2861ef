=== TEST 1: request variables
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(v.uri, "|", v.request_uri, "|", v.args, "|", v.arg_b, "|", v.is_args, "|", v.request_method)
        ngx.say(v.host, "|", v.http_x_custom_header, "|", v.cookie_session, "|", v.server_name, "|", v.scheme)
        ngx.say(v.server_protocol, "|", v.remote_addr, "|", tostring(v.nonexistent_var))
    }
}
--- request
GET /t?a=1&b=two
--- more_headers
Host: Example.COM:8080
X-Custom-Header: custom
Cookie: a=1; session=abc
--- response_body
/t|/t?a=1&b=two|a=1&b=two|two|?|GET
example.com|custom|abc|localhost|http
HTTP/1.1|127.0.0.1|nil

=== TEST 2: user variables are writable, built-ins are not
--- config
location /t {
    set $mine "before";
    content_by_lua_block {
        ngx.var.mine = "after"
        ngx.say(ngx.var.mine)
        local ok, err = pcall(function() ngx.var.uri = "/x" end)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
after
content_by_lua(nginx.conf:10):4: variable "uri" not changeable

=== TEST 3: writing an undeclared variable
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(function() ngx.var.undeclared = "x" end)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
content_by_lua(nginx.conf:9):2: variable "undeclared" not found for writing; maybe it is a built-in variable that is not changeable or you forgot to use "set $undeclared '';" in the config file to define it first

=== TEST 4: ngx.var.args is writable
--- config
location /t {
    content_by_lua_block {
        ngx.var.args = "x=1"
        ngx.say(ngx.var.arg_x, " ", ngx.var.args)
    }
}
--- request
GET /t?y=2
--- response_body
1 x=1

=== TEST 5: response headers set and read back
--- config
location /t {
    content_by_lua_block {
        ngx.header.content_type = "text/my"
        ngx.header["X-Multi"] = {"a", "b"}
        ngx.header.x_single = "s"
        ngx.header.x_gone = "g"
        ngx.header.x_gone = nil
        local multi = ngx.header["x-multi"]
        ngx.say(ngx.header["Content-Type"], " ", #multi, " ", ngx.header.X_SINGLE, " ", tostring(ngx.header.x_gone))
    }
}
--- request
GET /t
--- response_body
text/my 2 s nil
--- response_headers
Content-Type: text/my
X-Single: s
X-Gone:

=== TEST 6: request headers and uri args
--- config
location /t {
    content_by_lua_block {
        local h = ngx.req.get_headers()
        ngx.say(h["x-one"], " ", h.x_one, " ", h["X-ONE"], " ", type(h["x-rep"]), " ", #h["x-rep"])
        local args = ngx.req.get_uri_args()
        ngx.say(args.a, " ", args.flag, " ", type(args.m), " ", args.m[1], args.m[2], " ", args.sp)
        ngx.say(ngx.req.get_method(), " ", ngx.req.http_version())
    }
}
--- request
GET /t?a=1&flag&m=x&m=y&sp=a+b%21
--- more_headers
X-One: 1
X-Rep: a
X-Rep: b
--- response_body
1 1 1 table 2
1 true table xy a b!
GET 1.1

=== TEST 7: set_header is seen by later phases
--- config
location /t {
    rewrite_by_lua_block { ngx.req.set_header("X-Added", "yes") ngx.req.clear_header("X-Remove") }
    content_by_lua_block { ngx.say(ngx.var.http_x_added, " ", tostring(ngx.var.http_x_remove)) }
}
--- request
GET /t
--- more_headers
X-Remove: 1
--- response_body
yes nil

=== TEST 8: get_post_args
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local args = ngx.req.get_post_args()
        ngx.say(args.user, " ", args.pass)
    }
}
--- request
POST /t
user=ann&pass=s%20cret
--- more_headers
Content-Type: application/x-www-form-urlencoded
--- response_body
ann s cret

=== TEST 9: constants and info
--- config
location /t {
    content_by_lua_block {
        ngx.say(ngx.HTTP_OK, " ", ngx.HTTP_NOT_FOUND, " ", ngx.HTTP_GET, " ", ngx.OK, " ", ngx.ERR)
        ngx.say(ngx.config.subsystem, " ", ngx.config.ngx_lua_version, " ", ngx.worker.count(), " ", ngx.worker.id())
        ngx.say(tostring(ngx.null))
    }
}
--- request
GET /t
--- response_body
200 404 2 0 4
http 10023 1 0
userdata: NULL
