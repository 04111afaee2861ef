=== TEST 1: uri, document_uri, request_uri, args, query_string, is_args
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(v.uri, "|", v.document_uri, "|", v.request_uri, "|", v.args, "|", v.query_string, "|", v.is_args)
        ngx.say(v.arg_a, "|", tostring(v.arg_missing), "|", v.arg_empty, "|", v.arg_B)
    }
}
--- request
GET /t%41?a=1&empty=&b=2
--- response_body
/tA|/tA|/t%41?a=1&empty=&b=2|a=1&empty=&b=2|a=1&empty=&b=2|?
1|nil||2

=== TEST 2: no query string
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(tostring(v.args), "|", tostring(v.query_string), "|", v.is_args, "|", v.request_uri)
    }
}
--- request
GET /t
--- response_body
nil|nil||/t

=== TEST 3: host, http_*, cookie_*, content_length, content_type
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(v.host, "|", v.http_host, "|", v.http_user_agent, "|", v.cookie_b, "|", tostring(v.cookie_none))
        ngx.say(v.content_length, "|", v.content_type, "|", v.http_content_type)
    }
}
--- request
POST /t
xyz
--- more_headers
Host: WWW.Example.org
User-Agent: agent/1
Cookie: a=1; b=two
Content-Type: text/x-mine
--- response_body
www.example.org|WWW.Example.org|agent/1|two|nil
3|text/x-mine|text/x-mine

=== TEST 4: addresses, ports, names, protocol, scheme
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(v.remote_addr, "|", v.server_addr, "|", v.server_port == tostring($TEST_NGINX_SERVER_PORT), "|", v.server_name)
        ngx.say(v.server_protocol, "|", v.scheme, "|", v.request_method, "|", tonumber(v.remote_port) > 0)
        ngx.say(v.hostname ~= nil and #v.hostname > 0)
    }
}
--- request
GET /t
--- response_body
127.0.0.1|127.0.0.1|true|localhost
HTTP/1.1|http|GET|true
true

=== TEST 5: request_id is 32 hex digits, request_time and msec are numbers
--- config
location /t {
    content_by_lua_block {
        local v = ngx.var
        ngx.say(v.request_id:match("^%x+$") ~= nil, " ", #v.request_id)
        ngx.say(tonumber(v.request_time) >= 0, " ", v.msec:match("^%d+%.%d%d%d$") ~= nil)
        ngx.say(v.time_iso8601:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d[+-]%d%d:%d%d$") ~= nil)
        ngx.say(v.time_local:match("^%d%d/%a%a%a/%d%d%d%d:%d%d:%d%d:%d%d [+-]%d%d%d%d$") ~= nil)
    }
}
--- request
GET /t
--- response_body
true 32
true true
true
true

=== TEST 6: status, body_bytes_sent and bytes_sent in the log phase
--- config
location /t {
    content_by_lua_block {
        ngx.status = 201
        ngx.header.content_length = 5
        ngx.print("12345")
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "status=", ngx.var.status, " body=", ngx.var.body_bytes_sent, " sent=", tonumber(ngx.var.bytes_sent) > 5)
    }
}
--- request
GET /t
--- error_code: 201
--- error_log
status=201 body=5 sent=true

=== TEST 7: request_length counts the request line and headers
--- config
location /t {
    content_by_lua_block {
        ngx.say(tonumber(ngx.var.request_length) > 20)
    }
}
--- request
GET /t
--- response_body
true

=== TEST 8: connection and connection_requests
--- config
location /t {
    content_by_lua_block {
        ngx.say(tonumber(ngx.var.connection) > 0, " ", ngx.var.connection_requests)
    }
}
--- request
GET /t
--- response_body
true 1

=== TEST 9: document_root from root
--- config
location /t {
    root /tmp/somewhere;
    content_by_lua_block {
        ngx.say(ngx.var.document_root)
    }
}
--- request
GET /t
--- response_body
/tmp/somewhere

=== TEST 10: regex captures $1..$9 and named captures
--- config
location ~ ^/t/(\w+)/(?<second>\d+)$ {
    content_by_lua_block {
        ngx.say(ngx.var[1], " ", ngx.var[2], " ", ngx.var.second, " ", tostring(ngx.var[3]))
    }
}
--- request
GET /t/abc/42
--- response_body
abc 42 42 nil

=== TEST 11: read-only built-ins and unknown names
--- config
location /t {
    set $mine "";
    content_by_lua_block {
        for _, name in ipairs({"host", "request_uri", "remote_addr", "status", "request_id"}) do
            local ok, err = pcall(function() ngx.var[name] = "x" end)
            ngx.say((err:gsub("^.-:%d+: ", "")))
        end
        ngx.var.mine = 12
        ngx.say(ngx.var.mine, " ", type(ngx.var.mine))
        ngx.var.mine = nil
        ngx.say("[", tostring(ngx.var.mine), "]")
    }
}
--- request
GET /t
--- response_body
variable "host" not changeable
variable "request_uri" not changeable
variable "remote_addr" not changeable
variable "status" not changeable
variable "request_id" not changeable
12 string
[nil]

=== TEST 12: sent_http_* after the headers went out
--- config
location /t {
    content_by_lua_block {
        ngx.header.x_sent = "yes"
        ngx.say("body")
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "sent=", ngx.var.sent_http_x_sent, " ct=", ngx.var.sent_http_content_type)
    }
}
--- request
GET /t
--- error_log
sent=yes ct=text/plain

=== TEST 13: ngx.ctx is shared by phases and fresh after ngx.exec
--- config
location /t {
    rewrite_by_lua_block {
        ngx.ctx.from_rewrite = "r"
    }
    access_by_lua_block {
        ngx.ctx.from_access = ngx.ctx.from_rewrite .. "a"
    }
    content_by_lua_block {
        ngx.ctx.before_exec = true
        ngx.log(ngx.WARN, "shared: ", ngx.ctx.from_access)
        ngx.exec("/next")
    }
}
location /next {
    content_by_lua_block {
        ngx.say("after exec: ", tostring(ngx.ctx.before_exec), " ", tostring(ngx.ctx.from_access))
    }
}
--- request
GET /t
--- response_body
after exec: nil nil
--- error_log
shared: ra

=== TEST 14: ngx.ctx reaches header_filter, body_filter and log
--- config
location /t {
    content_by_lua_block {
        ngx.ctx.tag = "T"
        ngx.say("x")
    }
    header_filter_by_lua_block {
        ngx.header.x_tag = ngx.ctx.tag
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "ctx tag in log: ", ngx.ctx.tag)
    }
}
--- request
GET /t
--- response_headers
X-Tag: T
--- error_log
ctx tag in log: T
