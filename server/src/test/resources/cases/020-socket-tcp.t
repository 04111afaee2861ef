=== TEST 1: a raw HTTP/1.1 GET over a cosocket to another location of the same server
--- config
location /hello {
    default_type text/plain;
    return 200 "hello from /hello\n";
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        local ok, err = sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT)
        if not ok then
            ngx.say("failed to connect: ", err)
            return
        end
        local req = "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        local bytes, err = sock:send(req)
        ngx.say("sent: ", bytes == #req)
        local status = sock:receive()
        ngx.say("status: ", status)
        local len
        while true do
            local line, err = sock:receive("*l")
            if not line then
                ngx.say("failed to read a header: ", err)
                return
            end
            if line == "" then
                break
            end
            local v = line:match("^[Cc]ontent%-[Ll]ength:%s*(%d+)")
            if v then
                len = tonumber(v)
            end
        end
        ngx.say("length: ", len)
        local body = sock:receive(len)
        ngx.print("body: ", body)
        local data, err, partial = sock:receive()
        ngx.say("then: ", data, " ", err, " [", partial, "]")
        ngx.say("close: ", sock:close())
        ngx.say("close again: ", select(2, sock:close()))
    }
}
--- request
GET /t
--- response_body
sent: true
status: HTTP/1.1 200 OK
length: 18
body: hello from /hello
then: nil closed []
close: 1
close again: closed

=== TEST 2: connection refused returns nil and nginx's error, and logs the failure
--- config
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        local ok, err = sock:connect("127.0.0.1", 1)
        ngx.say("connect: ", ok, " ", err)
        local bytes, err = sock:send("x")
        ngx.say("send: ", bytes, " ", err)
        local data, err = sock:receive()
        ngx.say("receive: ", data, " ", err)
    }
}
--- request
GET /t
--- response_body
connect: nil connection refused
send: nil closed
receive: nil closed
--- error_log
(111: Connection refused)
attempt to send data on a closed socket
attempt to receive data on a closed socket

=== TEST 3: connect without a port, or with a bad one, returns an error
--- config
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        ngx.say(sock:connect("127.0.0.1"))
        ngx.say(sock:connect("127.0.0.1", 65536))
        ngx.say(sock:connect("127.0.0.1", -1))
        ngx.say(pcall(sock.connect, sock))
    }
}
--- request
GET /t
--- response_body_like
^nilmissing the port number
nilbad port number: 65536
nilbad port number: -1
falsengx.socket connect: expecting 2, 3, or 4 arguments \(including the object\), but seen 1
$

=== TEST 4: "*a" reads up to the close; n bytes at the close give the partial data
--- config
location /hello {
    default_type text/plain;
    return 200 "0123456789";
}
location /t {
    content_by_lua_block {
        local function get()
            local sock = ngx.socket.tcp()
            assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
            assert(sock:send({"GET /hello HTTP/1.0\r\n", "Host: localhost\r\n", {"\r\n"}}))
            assert(sock:receiveuntil("\r\n\r\n")())
            return sock
        end
        local sock = get()
        ngx.say("all: [", sock:receive("*a"), "]")
        ngx.say("again: ", sock:receive("*a"))
        sock = get()
        local data, err, partial = sock:receive(100)
        ngx.say("100: ", data, " ", err, " [", partial, "]")
        sock = get()
        ngx.say("4: ", sock:receive(4), " 0: [", sock:receive(0), "] 6: ", sock:receive("6"))
        ngx.say("line: ", select(3, sock:receive("*l")) == "")
    }
}
--- request
GET /t
--- response_body
all: [0123456789]
again: 
100: nil closed [0123456789]
4: 0123 0: [] 6: 456789
line: true

=== TEST 5: a read timeout returns nil, "timeout" and the partial data, and keeps the connection
--- config
location /hello {
    default_type text/plain;
    return 200 "hi";
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        sock:settimeout(150)
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        assert(sock:send("GET /hello"))
        local data, err, partial = sock:receive()
        ngx.say("receive: ", data, " ", err, " [", partial, "]")
        ngx.say("sent: ", sock:send(" HTTP/1.0\r\nHost: localhost\r\n\r\n"))
        sock:settimeouts(1000, 1000, 1000)
        ngx.say("receive: ", sock:receive():match(" %d+ .*"))
        sock:settimeout(100)
        data, err, partial = sock:receive(1000)
        ngx.say("partial: ", err, " ", #partial > 0)
        ngx.say("keepalive: ", sock:setkeepalive())
    }
}
--- request
GET /t
--- response_body
receive: nil timeout []
sent: 30
receive:  200 OK
partial: closed true
keepalive: nilclosed
--- error_log
lua tcp socket read timed out

=== TEST 6: receiveuntil reads up to a pattern, inclusive on request
--- config
location /hello {
    default_type text/plain;
    return 200 "line one--sep--line two--sep--rest";
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /hello HTTP/1.0\r\nHost: localhost\r\n\r\n")
        local headers = sock:receiveuntil("\r\n\r\n")
        local h = headers()
        ngx.say("status:", h:match("^[^\r ]* ([^\r]*)"))
        local until_sep = sock:receiveuntil("--sep--")
        ngx.say("1: ", until_sep())
        local inclusive = sock:receiveuntil("--sep--", { inclusive = true })
        ngx.say("2: ", inclusive())
        local data, err, partial = until_sep()
        ngx.say("3: ", data, " ", err, " [", partial, "]")
    }
}
--- request
GET /t
--- response_body
status:200 OK
1: line one
2: line two--sep--
3: nil closed [rest]

=== TEST 7: receiveuntil's iterator with a size hands out the data in pieces, then nil
--- config
location /hello {
    default_type text/plain;
    return 200 "hello, world --abcedhb-tail--abc";
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /hello HTTP/1.0\r\nHost: localhost\r\n\r\n")
        sock:receiveuntil("\r\n\r\n")()
        local reader = sock:receiveuntil("--abcedhb")
        while true do
            local data, err, partial = reader(4)
            if not data then
                ngx.say("done: ", err)
                break
            end
            ngx.say("chunk: [", data, "]")
        end
        local data, err, partial = reader(4)
        ngx.say("next: [", data, "]")
        ngx.say("last: ", select(3, reader()))
    }
}
--- request
GET /t
--- response_body
chunk: [hell]
chunk: [o, w]
chunk: [orld]
chunk: [ ]
done: nil
next: [-tai]
last: l

=== TEST 8: setkeepalive pools the connection per host:port and connect reuses it
--- config
location /hello {
    default_type text/plain;
    return 200 "hi";
}
location /t {
    content_by_lua_block {
        local function get(sock)
            sock:send("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
            local reader = sock:receiveuntil("\r\n\r\n")
            local head = reader()
            local len = tonumber(head:match("[Cc]ontent%-[Ll]ength:%s*(%d+)"))
            return sock:receive(len)
        end
        for i = 1, 3 do
            local sock = ngx.socket.tcp()
            assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
            ngx.say(i, ": ", get(sock), " reused ", sock:getreusedtimes())
            ngx.say("keepalive: ", sock:setkeepalive(10000, 5))
            ngx.say("after: ", select(2, sock:getreusedtimes()), " ", select(2, sock:send("x")))
        end
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, { pool = "other" }))
        ngx.say("other pool: reused ", sock:getreusedtimes())
        sock:close()
    }
}
--- request
GET /t
--- response_body
1: hi reused 0
keepalive: 1
after: closed closed
2: hi reused 1
keepalive: 1
after: closed closed
3: hi reused 2
keepalive: 1
after: closed closed
other pool: reused 0

=== TEST 9: unread data stops setkeepalive
--- config
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n")
        ngx.say(sock:receive())
        ngx.say(sock:setkeepalive())
        sock:close()
    }
}
--- request
GET /t
--- response_body
HTTP/1.1 404 Not Found
nilunread data in buffer

=== TEST 10: cosockets are disabled in the log phase
--- config
location /t {
    content_by_lua_block { ngx.say("ok") }
    log_by_lua_block {
        local ok, err = pcall(ngx.socket.tcp)
        ngx.log(ngx.ERR, "tcp in log: ", err)
    }
}
--- request
GET /t
--- response_body
ok
--- error_log
API disabled in the context of log_by_lua*

=== TEST 11: ngx.socket.connect connects in one call
--- config
location /hello {
    default_type text/plain;
    return 200 "short";
}
location /t {
    content_by_lua_block {
        local sock, err = ngx.socket.connect("127.0.0.1", $TEST_NGINX_SERVER_PORT)
        ngx.say("socket: ", type(sock), " ", err)
        sock:send("GET /hello HTTP/1.0\r\n\r\n")
        ngx.say(sock:receive():match("%d%d%d"))
        ngx.say(ngx.socket.connect("127.0.0.1", 1))
        ngx.say(ngx.socket.stream == ngx.socket.tcp)
    }
}
--- request
GET /t
--- response_body
socket: table nil
200
nilconnection refused
true

=== TEST 12: argument checks name the method as a method call does
--- config
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        local function try(f)
            local ok, err = pcall(f)
            ngx.say(ok, " ", (tostring(err):gsub("^.-:%d+: ", "")))
        end
        try(function() local r = sock:send(function() end) return r end)
        try(function() local r = sock:send({ "a", { true } }) return r end)
        try(function() local r = sock:send({ a = 1 }) return r end)
        try(function() local r = sock:settimeout(-1) return r end)
        try(function() local r = sock:receive("*x") return r end)
        try(function() local r = sock:receive("xyz") return r end)
        try(function() local r = sock:receive(-1) return r end)
        try(function() local r = sock:settimeouts(1, 2) return r end)
        ngx.say(sock:send(""), " ", sock:send(12), " ", sock:send({ 1, "2", { "3" } }))
        sock:close()
    }
}
--- request
GET /t
--- response_body
false bad argument #1 to 'send' (string, number, boolean, nil, or array table expected, got function)
false bad argument #1 to 'send' (bad data type boolean found)
false bad argument #1 to 'send' (non-array table found)
false bad timeout value
false bad argument #1 to 'receive' (bad pattern argument)
false bad argument #1 to 'receive' (bad pattern argument: xyz)
false bad argument #1 to 'receive' (bad pattern argument)
false ngx.socket settimeout: expecting 4 arguments (including the object) but seen 3
0 2 3

=== TEST 13: a pool with a backlog caps the connections and queues or refuses the others
--- config
location /t {
    content_by_lua_block {
        local opts = { pool = "capped", pool_size = 1, backlog = 1 }
        local first = ngx.socket.tcp()
        ngx.say("first: ", first:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, opts))
        local second = ngx.socket.tcp()
        second:settimeout(100)
        ngx.say("queued: ", second:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, opts))
        local strict = { pool = "strict", pool_size = 1, backlog = 0 }
        local third = ngx.socket.tcp()
        ngx.say("strict first: ", third:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, strict))
        local fourth = ngx.socket.tcp()
        ngx.say("strict second: ", fourth:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, strict))
        third:close()
        ngx.say("after close: ", fourth:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT, strict))
        fourth:close()
        first:close()
    }
}
--- request
GET /t
--- response_body
first: 1
queued: niltimeout
strict first: 1
strict second: niltoo many waiting connect operations
after close: 1
--- error_log
lua tcp socket queued connect timed out, when trying to connect to 127.0.0.1:

=== TEST 14: a connection the peer closed while pooled is not reused
--- config
location /hello {
    default_type text/plain;
    return 200 "bye";
}
location /t {
    content_by_lua_block {
        local function pause(ms)
            -- a read that times out, as ngx.sleep would wait
            local s = ngx.socket.tcp()
            s:settimeout(ms)
            s:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT)
            s:receive()
            s:close()
        end
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        local head = sock:receiveuntil("\r\n\r\n")()
        ngx.say("body: ", sock:receive(3))
        pause(100)
        ngx.say("keepalive: ", sock:setkeepalive())
        pause(100)
        sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        ngx.say("reused: ", sock:getreusedtimes())
        sock:close()
    }
}
--- request
GET /t
--- response_body
body: bye
keepalive: nilclosed
reused: 0

=== TEST 15: methods on a socket that never connected, and option checks
--- config
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        ngx.say("close: ", sock:close())
        ngx.say("reused: ", sock:getreusedtimes())
        ngx.say("keepalive: ", sock:setkeepalive())
        ngx.say("receiveany: ", sock:receiveany(10))
        local function try(f)
            local ok, err = pcall(f)
            ngx.say(ok, " ", (tostring(err):gsub("^.-:%d+: ", "")))
        end
        try(function() local r = sock:connect("127.0.0.1", 1, { pool_size = 0 }) return r end)
        try(function() local r = sock:connect("127.0.0.1", 1, { pool = {} }) return r end)
        try(function() local r = sock:receiveuntil("x", { inclusive = 1 }) return r end)
        ngx.say("empty pattern: ", sock:receiveuntil(""))
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        try(function() local r = sock:receiveany(0) return r end)
        try(function() local r = sock:setkeepalive("soon") return r end)
        sock:close()
    }
}
--- request
GET /t
--- response_body
close: nilclosed
reused: nilclosed
keepalive: nilclosed
receiveany: nilclosed
false bad argument #3 to 'connect' (bad "pool_size" option value: 0)
false bad argument #3 to 'connect' (bad "pool" option type: table)
false bad "inclusive" option value type: number
empty pattern: nilpattern is empty
false bad argument #1 to 'receiveany' (bad max argument)
false bad argument #1 to 'setkeepalive' (number expected, got string)

=== TEST 16: receiveany returns what arrived, at most max bytes
--- config
location /hello {
    default_type text/plain;
    return 200 "0123456789";
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /hello HTTP/1.0\r\nHost: localhost\r\n\r\n")
        sock:receiveuntil("\r\n\r\n")()
        local got = {}
        while true do
            local data, err = sock:receiveany(4)
            if not data then
                ngx.say("end: ", err)
                break
            end
            got[#got + 1] = #data <= 4 and data or "too long"
        end
        ngx.say(table.concat(got))
    }
}
--- request
GET /t
--- response_body
end: closed
0123456789

=== TEST 90: lua_socket_read_timeout from the conf applies to a cosocket
--- config
lua_socket_read_timeout 100ms;
location /slow {
    content_by_lua_block { ngx.sleep(1) ngx.say("late") }
}
location /t {
    content_by_lua_block {
        local sock = ngx.socket.tcp()
        assert(sock:connect("127.0.0.1", $TEST_NGINX_SERVER_PORT))
        sock:send("GET /slow HTTP/1.0\r\nHost: localhost\r\n\r\n")
        local line, err = sock:receive("*l")
        ngx.say("receive: ", tostring(line), " ", err)
        sock:close()
    }
}
--- request
GET /t
--- response_body
receive: nil timeout
