=== TEST 1: capture returns the sub-location's status, body and headers
--- config
location /sub {
    content_by_lua_block {
        ngx.header["X-Sub"] = "yes"
        ngx.say("in sub: ", ngx.var.uri, " ", ngx.var.args)
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub?a=1")
        ngx.say(res.status)
        ngx.print(res.body)
        ngx.say(res.header["X-Sub"])
        ngx.say(res.header["Content-Type"])
        ngx.say(tostring(res.truncated))
    }
}
--- request
GET /t
--- response_body
200
in sub: /sub a=1
yes
text/plain
false

=== TEST 2: ngx.is_subrequest is true only in the subrequest
--- config
location /sub {
    content_by_lua_block {
        ngx.print(tostring(ngx.is_subrequest))
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(tostring(ngx.is_subrequest), " ", res.body)
    }
}
--- request
GET /t
--- response_body
false true

=== TEST 3: ngx.exit in the subrequest sets res.status, with no error page in res.body
--- config
location /sub {
    content_by_lua_block {
        ngx.exit(403)
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status, " [", res.body, "]")
    }
}
--- request
GET /t
--- response_body
403 []

=== TEST 4: ngx.status and output from the subrequest
--- config
location /sub {
    content_by_lua_block {
        ngx.status = 201
        ngx.print("created")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status, " ", res.body)
    }
}
--- request
GET /t
--- response_body
201 created

=== TEST 5: args as a table and in the uri are joined
--- config
location /sub {
    content_by_lua_block {
        ngx.print(ngx.var.args)
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub?x=1", { args = { y = "a b" } })
        ngx.say(res.body)
        res = ngx.location.capture("/sub", { args = "z=3" })
        ngx.say(res.body)
    }
}
--- request
GET /t
--- response_body
x=1&y=a%20b
z=3

=== TEST 6: method and body options
--- config
location /sub {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say(ngx.req.get_method(), " ", ngx.req.get_body_data())
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub", { method = ngx.HTTP_POST, body = "hello" })
        ngx.print(res.body)
        res = ngx.location.capture("/sub", { method = ngx.HTTP_PUT, body = "put body" })
        ngx.print(res.body)
    }
}
--- request
GET /t
--- response_body
POST hello
PUT put body

=== TEST 7: the parent's read body goes to a POST subrequest, not to a GET one
--- config
location /sub {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say(ngx.req.get_method(), " ", tostring(ngx.req.get_body_data()))
    }
}
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local res = ngx.location.capture("/sub", { method = ngx.HTTP_POST })
        ngx.print(res.body)
        res = ngx.location.capture("/sub")
        ngx.print(res.body)
        res = ngx.location.capture("/sub", { always_forward_body = true })
        ngx.print(res.body)
    }
}
--- request
POST /t
parent body
--- response_body
POST parent body
GET nil
GET parent body

=== TEST 8: capture_multi returns the results in order
--- config
location /a {
    content_by_lua_block {
        ngx.sleep(0.05)
        ngx.print("a")
    }
}
location /b {
    content_by_lua_block {
        ngx.print("b")
    }
}
location /t {
    content_by_lua_block {
        local r1, r2, r3 = ngx.location.capture_multi{ {"/a"}, {"/b"}, {"/a", { args = "x" }} }
        ngx.say(r1.body, r2.body, r3.body, " ", r1.status, r2.status, r3.status)
    }
}
--- request
GET /t
--- response_body
aba 200200200

=== TEST 9: capture_multi runs its subrequests concurrently
--- config
location /slow {
    content_by_lua_block {
        ngx.sleep(0.3)
        ngx.print("z")
    }
}
location /t {
    content_by_lua_block {
        ngx.update_time()
        local start = ngx.now()
        local r1, r2, r3 = ngx.location.capture_multi{ {"/slow"}, {"/slow"}, {"/slow"} }
        ngx.update_time()
        local elapsed = ngx.now() - start
        ngx.say(r1.body, r2.body, r3.body, " ", elapsed < 0.8)
    }
}
--- request
GET /t
--- response_body
zzz true

=== TEST 10: vars, copy_all_vars and share_all_vars
--- config
location /sub {
    content_by_lua_block {
        ngx.print(tostring(ngx.var.dog), "/", tostring(ngx.var.cat))
        ngx.var.dog = "changed"
    }
}
location /t {
    set $dog "parent dog";
    set $cat "parent cat";
    content_by_lua_block {
        local res = ngx.location.capture("/sub", { vars = { cat = "sub cat" } })
        ngx.say(res.body:match("/.*"), " | ", ngx.var.dog)
        res = ngx.location.capture("/other", { copy_all_vars = true })
        ngx.say(res.body, " | ", ngx.var.dog)
        res = ngx.location.capture("/other", { share_all_vars = true })
        ngx.say(res.body, " | ", ngx.var.dog)
    }
}
location /other {
    content_by_lua_block {
        ngx.print(ngx.var.dog, "/", ngx.var.cat)
        ngx.var.dog = "changed"
    }
}
--- request
GET /t
--- response_body
/sub cat | parent dog
parent dog/parent cat | parent dog
parent dog/parent cat | changed

=== TEST 11: the ctx option is the subrequest's ngx.ctx
--- config
location /sub {
    content_by_lua_block {
        ngx.print(ngx.ctx.from_parent)
        ngx.ctx.from_sub = "sub wrote"
    }
}
location /t {
    content_by_lua_block {
        local ctx = { from_parent = "parent wrote" }
        local res = ngx.location.capture("/sub", { ctx = ctx })
        ngx.say(res.body, " ", ctx.from_sub)
        ngx.ctx.mine = 1
        res = ngx.location.capture("/sub")
        ngx.say(tostring(res.body), " ", ngx.ctx.from_sub)
    }
}
--- request
GET /t
--- response_body
parent wrote sub wrote
nil nil

=== TEST 12: header_filter and body_filter of the sub-location run on its output
--- config
location /sub {
    content_by_lua_block {
        ngx.say("hello")
    }
    header_filter_by_lua_block {
        ngx.header["X-Filtered"] = "1"
    }
    body_filter_by_lua_block {
        ngx.arg[1] = string.upper(ngx.arg[1])
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.print(res.header["X-Filtered"], " ", res.body)
    }
}
--- request
GET /t
--- response_body
1 HELLO


=== TEST 13: multi-value response headers come back as tables
--- config
location /sub {
    content_by_lua_block {
        ngx.header["X-Many"] = { "a", "b" }
        ngx.print("x")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        local h = res.header["X-Many"]
        ngx.say(type(h), " ", h[1], ",", h[2])
    }
}
--- request
GET /t
--- response_body
table a,b

=== TEST 14: a subrequest can reach an internal location and a missing one is 404
--- config
location /hidden {
    internal;
    content_by_lua_block {
        ngx.print("secret")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/hidden")
        ngx.say(res.status, " ", res.body)
        res = ngx.location.capture("/nothing-here")
        ngx.say(res.status)
    }
}
--- request
GET /t
--- response_body
200 secret
404

=== TEST 15: capture in rewrite and access phases
--- config
location /sub {
    content_by_lua_block {
        ngx.print(ngx.var.arg_p)
    }
}
location /t {
    rewrite_by_lua_block {
        ngx.ctx.r = ngx.location.capture("/sub?p=rewrite").body
    }
    access_by_lua_block {
        ngx.ctx.a = ngx.location.capture("/sub?p=access").body
    }
    content_by_lua_block {
        ngx.say(ngx.ctx.r, " ", ngx.ctx.a)
    }
}
--- request
GET /t
--- response_body
rewrite access

=== TEST 16: capture is disabled in header_filter
--- config
location /t {
    content_by_lua_block {
        ngx.say("ok")
    }
    header_filter_by_lua_block {
        local ok, err = pcall(ngx.location.capture, "/sub")
        ngx.header["X-Err"] = err
    }
}
--- request
GET /t
--- response_headers
X-Err: API disabled in the context of header_filter_by_lua*

=== TEST 17: capture_multi argument errors
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.location.capture_multi, {})
        ngx.say(err)
        ok, err = pcall(ngx.location.capture_multi, { "/x" })
        ngx.say(err)
        ok, err = pcall(ngx.location.capture)
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
at least one subrequest should be specified
the query argument 0 is not a table, but a string
expecting one or two arguments

=== TEST 18: the log phase does not run for a subrequest
--- config
location /sub {
    content_by_lua_block {
        ngx.print("sub")
    }
    log_by_lua_block {
        ngx.log(ngx.ERR, "log phase of ", ngx.var.uri)
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.body)
    }
}
--- request
GET /t
--- response_body
sub
--- no_error_log
log phase of /sub

=== TEST 19: a Lua error in the subrequest gives res.status 500
--- config
location /sub {
    content_by_lua_block {
        error("boom")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status)
    }
}
--- request
GET /t
--- response_body
500
--- error_log
boom

=== TEST 20: nested subrequests
--- config
location /inner {
    content_by_lua_block {
        ngx.print("inner")
    }
}
location /outer {
    content_by_lua_block {
        local res = ngx.location.capture("/inner")
        ngx.print("outer(", res.body, ")")
    }
}
location /t {
    content_by_lua_block {
        ngx.say(ngx.location.capture("/outer").body)
    }
}
--- request
GET /t
--- response_body
outer(inner)

=== TEST 21: a subrequest to a static file has its Content-Length and Content-Type
--- config
location /static/ {
    root html;
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/static/a.txt")
        ngx.print(res.status, " ", res.header["Content-Length"], " ", res.header["Content-Type"], " ", res.body)
    }
}
--- user_files
>>> html/static/a.txt
file
--- request
GET /t
--- response_body
200 5 text/plain file


=== TEST 22: ngx.redirect in the subrequest
--- config
location /sub {
    content_by_lua_block {
        ngx.redirect("/elsewhere")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status, " ", res.header["Location"])
    }
}
--- request
GET /t
--- response_body
302 /elsewhere

=== TEST 23: the subrequest sees the parent's request headers and its own args
--- config
location /sub {
    content_by_lua_block {
        local args = ngx.req.get_uri_args()
        ngx.print(ngx.req.get_headers()["X-Foo"], " ", args.a, " ", ngx.var.request_uri)
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub", { args = { a = "b" } })
        ngx.say(res.body)
    }
}
--- request
GET /t?q=1
--- more_headers
X-Foo: bar
--- response_body
bar b /t?q=1

=== TEST 24: nginx directives of the sub-location: return and rewrite
--- config
location /ret {
    return 201 "returned";
}
location /rw {
    rewrite ^ /ret last;
}
location /t {
    content_by_lua_block {
        local r1, r2 = ngx.location.capture_multi{ {"/ret"}, {"/rw"} }
        ngx.say(r1.status, " ", r1.body, " ", r2.status, " ", r2.body)
    }
}
--- request
GET /t
--- response_body
201 returned 201 returned

=== TEST 25: ngx.exec in the subrequest
--- config
location /target {
    content_by_lua_block {
        ngx.print("target ", ngx.var.args, " ", tostring(ngx.is_subrequest))
    }
}
location /sub {
    content_by_lua_block {
        ngx.exec("/target", "x=1")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status, " ", res.body)
    }
}
--- request
GET /t
--- response_body
200 target x=1 true

=== TEST 26: capture is disabled in a timer
--- config
location /t {
    content_by_lua_block {
        local done = false
        local err
        ngx.timer.at(0, function()
            local ok, e = pcall(ngx.location.capture, "/x")
            err = e
            done = true
        end)
        while not done do ngx.sleep(0.01) end
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
API disabled in the context of ngx.timer

=== TEST 27: a HEAD subrequest and a bad method
--- config
location /sub {
    content_by_lua_block {
        ngx.print(ngx.req.get_method())
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub", { method = ngx.HTTP_HEAD })
        ngx.say(res.status, " [", res.body, "]")
        local ok, err = pcall(ngx.location.capture, "/sub", { method = "GET" })
        ngx.say(err)
        ok, err = pcall(ngx.location.capture, "/sub", { ctx = 1 })
        ngx.say(err)
        ok, err = pcall(ngx.location.capture, "/sub", { vars = "x" })
        ngx.say(err)
    }
}
--- request
GET /t
--- response_body
200 []
Bad http request method
Bad ctx option value type number, expected a Lua table
Bad vars option value

=== TEST 28: an error after output in the subrequest
--- config
location /sub {
    content_by_lua_block {
        ngx.say("part")
        ngx.flush(true)
        error("later")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub")
        ngx.say(res.status, " ", res.body, tostring(res.truncated))
    }
}
--- request
GET /t
--- response_body
200 part
true

=== TEST 29: captures from light threads and from a coroutine
--- config
location /sub {
    content_by_lua_block {
        ngx.sleep(0.01)
        ngx.print(ngx.var.arg_n)
    }
}
location /t {
    content_by_lua_block {
        local function get(n)
            return ngx.location.capture("/sub", { args = { n = n } }).body
        end
        local t1 = ngx.thread.spawn(get, 1)
        local t2 = ngx.thread.spawn(get, 2)
        local _, a = ngx.thread.wait(t1)
        local _, b = ngx.thread.wait(t2)
        local c = coroutine.wrap(function() return get(3) end)()
        ngx.say(a, b, c)
    }
}
--- request
GET /t
--- response_body
123

=== TEST 30: a uri with .. above the root is refused
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.location.capture, "/../etc/passwd")
        ngx.say(ok, " ", err)
    }
}
--- request
GET /t
--- response_body
false unsafe uri in argument #1: /../etc/passwd

=== TEST 31: Content-Length of the subrequest follows its body; $request_method is the client's
--- config
location /sub {
    content_by_lua_block {
        ngx.print(tostring(ngx.req.get_headers()["Content-Length"]), ",", ngx.var.request_method)
    }
}
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local r1, r2, r3 = ngx.location.capture_multi{
            { "/sub", { method = ngx.HTTP_PUT, body = "hello" } },
            { "/sub" },
            { "/sub", { method = ngx.HTTP_POST } },
        }
        ngx.say(r1.body, " ", r2.body, " ", r3.body)
    }
}
--- request
POST /t
parent body
--- response_body
5,POST nil,POST 11,POST

=== TEST 32: a subrequest's error log lines name it
--- config
location /sub {
    content_by_lua_block {
        ngx.log(ngx.ERR, "hello from sub")
    }
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/sub", { method = ngx.HTTP_PUT, body = "x" })
        ngx.say(res.status)
    }
}
--- request
GET /t
--- response_body
200
--- error_log
hello from sub, client: 127.0.0.1
request: "GET /t HTTP/1.1", subrequest: "/sub", host: "

=== TEST 33: a set variable the subrequest does not set
--- config
location /sub {
    content_by_lua_block {
        ngx.print("[", tostring(ngx.var.dog), "]")
    }
}
location /t {
    set $dog "parent dog";
    content_by_lua_block {
        ngx.say(ngx.location.capture("/sub").body)
    }
}
--- request
GET /t
--- response_body
[]

=== TEST 34: a subrequest to a proxied location, with a body
--- config
location /up/ {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.header["X-Up"] = "1"
        ngx.print(ngx.var.request_method, " ", ngx.var.request_uri, " ", ngx.req.get_body_data())
    }
}
location /p/ {
    proxy_pass http://127.0.0.1:$TEST_NGINX_SERVER_PORT/up/;
}
location /t {
    content_by_lua_block {
        local res = ngx.location.capture("/p/x", { method = ngx.HTTP_POST, body = "sent", args = "a=1" })
        ngx.say(res.status, " ", res.header["X-Up"], " ", res.body)
    }
}
--- request
GET /t
--- response_body
200 1 POST /up/x?a=1 sent

=== TEST 90: a location that captures itself stops at nginx's subrequest depth, the server goes on
--- jresty_only: nginx 1.22 logs the same "subrequests cycle" line but its lua module's error text differs
--- config
location /loop {
    content_by_lua_block {
        local ok, res = pcall(ngx.location.capture, "/loop")
        if not ok then
            ngx.print("stopped")
            return
        end
        ngx.print(res.body)
    }
}
--- request
GET /loop
--- response_body chomp
stopped
--- error_log
subrequests cycle while processing "/loop"
