=== TEST 1: read_body then get_body_data
--- config
location /t {
    content_by_lua_block {
        ngx.say(tostring(ngx.req.get_body_data()))
        ngx.req.read_body()
        ngx.say(ngx.req.get_body_data())
        ngx.say(tostring(ngx.req.get_body_file()))
    }
}
--- request
POST /t
hello=world&x=1
--- response_body
nil
hello=world&x=1
nil

=== TEST 2: get_post_args with empty values, flags and repeated keys
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local args = ngx.req.get_post_args()
        ngx.say("[", args.a, "] ", tostring(args.b), " ", table.concat(args.c, ","), " ", args["sp ace"])
    }
}
--- request
POST /t
a=&b&c=1&c=2&sp+ace=%41
--- response_body
[] true 1,2 A

=== TEST 3: get_post_args before the body was read is an error
--- config
location /t {
    content_by_lua_block {
        local ok, err = pcall(ngx.req.get_post_args)
        ngx.say(ok, " ", err)
    }
}
--- request
POST /t
a=1
--- response_body
false no request body found; maybe you should turn on lua_need_request_body?

=== TEST 4: get_post_args(max) truncates
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local args, err = ngx.req.get_post_args(2)
        ngx.say(args.a, " ", args.b, " ", tostring(args.c), " ", err)
    }
}
--- request
POST /t
a=1&b=2&c=3
--- response_body
1 2 nil truncated

=== TEST 5: a body larger than client_body_buffer_size goes to a file
--- config
client_body_buffer_size 16;
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say(tostring(ngx.req.get_body_data()))
        local name = ngx.req.get_body_file()
        local f = io.open(name)
        local data = f:read("*a")
        f:close()
        ngx.say(#data, " ", data:sub(1, 4))
        ngx.say(name)
    }
}
--- request
POST /t
a=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
--- response_body_like: ^nil\n2002 a=xx\n/.*/\d{10}\n$

=== TEST 6: set_body_data needs the body read first
--- config
location /t {
    content_by_lua_block {
        ngx.say(pcall(ngx.req.set_body_data, "x=1"))
        ngx.say(pcall(ngx.req.init_body))
        ngx.req.read_body()
        ngx.req.set_body_data("x=1&y=2")
        ngx.say(ngx.req.get_body_data(), " ", ngx.req.get_post_args().y)
    }
}
--- request
POST /t
a=1
--- response_body
falserequest body not read yet
falserequest body not read yet
x=1&y=2 2

=== TEST 7: init_body, append_body, finish_body
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.req.init_body()
        ngx.req.append_body("k=")
        ngx.req.append_body("v")
        ngx.req.finish_body()
        ngx.say(ngx.req.get_body_data(), " ", ngx.req.get_post_args().k)
    }
}
--- request
POST /t
old=1
--- response_body
k=v v

=== TEST 8: discard_body leaves no body
--- config
location /t {
    content_by_lua_block {
        ngx.req.discard_body()
        ngx.req.read_body()
        ngx.say(tostring(ngx.req.get_body_data()))
    }
}
--- request
POST /t
a=1
--- response_body
nil

=== TEST 9: lua_need_request_body reads the body before content
--- config
lua_need_request_body on;
location /t {
    content_by_lua_block {
        ngx.say(ngx.req.get_body_data())
    }
}
--- request
POST /t
abc
--- response_body
abc

=== TEST 10: no body: read_body is fine and the data is nil
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.say(tostring(ngx.req.get_body_data()), " ", tostring(ngx.req.get_body_file()))
        local args = ngx.req.get_post_args()
        ngx.say(next(args) == nil)
    }
}
--- request
GET /t
--- response_body
nil nil
true

=== TEST 11: read_body in rewrite, data seen in content
--- config
location /t {
    rewrite_by_lua_block {
        ngx.req.read_body()
    }
    content_by_lua_block {
        ngx.say(ngx.req.get_body_data())
    }
}
--- request
PUT /t
payload
--- response_body
payload

=== TEST 12: read_body is disabled in header_filter
--- config
location /t {
    content_by_lua_block {
        ngx.say("ok")
    }
    header_filter_by_lua_block {
        local ok, err = pcall(ngx.req.read_body)
        ngx.header.x_err = err
    }
}
--- request
GET /t
--- response_headers
X-Err: API disabled in the context of header_filter_by_lua*

=== TEST 13: set_body_file replaces the body
--- config
location /t {
    content_by_lua_block {
        local name = ngx.config.prefix() .. "/html/b.txt"
        ngx.req.read_body()
        ngx.req.set_body_file(name)
        ngx.say(tostring(ngx.req.get_body_data()), " ", ngx.req.get_body_file() == name)
    }
}
--- user_files
>>> html/b.txt
from file
--- request
POST /t
a=1
--- response_body
nil true
