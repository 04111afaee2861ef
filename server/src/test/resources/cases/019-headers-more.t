=== TEST 1: set_header on Host, Content-Type and Cookie changes $host, $content_type and $cookie_*
--- config
location /t {
    rewrite_by_lua_block {
        ngx.req.set_header("Host", "New.Example")
        ngx.req.set_header("Content-Type", "text/new")
        ngx.req.set_header("Cookie", "c=from_lua")
        ngx.req.set_header("User-Agent", nil)
    }
    content_by_lua_block {
        local v = ngx.var
        ngx.say("host=", v.host, " http_host=", v.http_host, " ct=", v.content_type, " cookie_c=", v.cookie_c, " ua=", tostring(v.http_user_agent))
    }
}
--- request
GET /t
--- more_headers
User-Agent: ua
--- response_body
host=new.example http_host=New.Example ct=text/new cookie_c=from_lua ua=nil

=== TEST 2: $arg_* is raw, set_uri_args errors, args = nil, set_uri keeps $request_uri
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say("arg_q=", v.arg_q, " args=", v.args)
        ngx.say(pcall(ngx.req.set_uri_args, nil))
        ngx.say(pcall(ngx.req.set_uri_args, 12))
        v.args = nil
        ngx.say("args after nil=", tostring(v.args), " is_args=[", v.is_args, "]")
        ngx.req.set_uri("/a b")
        ngx.say("uri=", v.uri, " request_uri=", v.request_uri)
    }
}
--- request
GET /t?q=a+b%20c
--- response_body
arg_q=a+b%20c args=q=a+b%20c
falsebad argument #1 to '?' (string, number, or table expected, but got nil)
true
args after nil=nil is_args=[]
uri=/a b request_uri=/t?q=a+b%20c

=== TEST 3: response header values: tables repeat, numbers and booleans as text, Server replaced, Content-Type cleared
--- config
location /t {
    content_by_lua_block {
        ngx.header.content_type = nil
        ngx.header["Set-Cookie"] = {"a=1", "b=2"}
        ngx.header.Server = "custom"
        ngx.header.x_num = 12
        ngx.header.x_bool = true
        ngx.header.x_type = type(ngx.header.x_num) .. " " .. ngx.header.x_num .. " " .. tostring(ngx.header.x_bool)
        ngx.header.x_ct = tostring(ngx.header.content_type)
        ngx.print("")
    }
}
--- request
GET /t
--- response_headers
Content-Type:
Server: custom
X-Num: 12
X-Bool: true
X-Type: string 12 true
X-Ct: nil

=== TEST 4: Content-Length set then cleared, Content-Type with a charset
--- config
location /u {
    content_by_lua_block {
        ngx.header.content_length = 10
        ngx.header.content_length = nil
        ngx.header.content_type = "text/html; charset=utf-8"
        ngx.say("hi")
    }
}
--- request
GET /u
--- response_headers
Content-Type: text/html; charset=utf-8
--- response_body
hi
