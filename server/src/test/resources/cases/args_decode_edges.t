=== TEST 1: decode_args: empty pairs count against max, empty keys dropped, bad escapes kept, repeated keys collected
--- http_config
init_by_lua_block {
function show(t, err)
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    local out = {}
    for _, k in ipairs(keys) do
        local v = t[k]
        if type(v) == "table" then
            local parts = {}
            for i, e in ipairs(v) do parts[i] = type(e) == "string" and ("<" .. e .. ">") or tostring(e) end
            v = "{" .. table.concat(parts, ",") .. "}"
        elseif type(v) == "string" then
            v = "<" .. v .. ">"
        else
            v = tostring(v)
        end
        out[#out + 1] = "<" .. k .. ">=" .. v
    end
    return table.concat(out, " ") .. (err and (" !" .. err) or "")
end
}
--- config
location /t {
    content_by_lua_block {
        local inputs = {"a=1&&b=2", "&", "&&", "=x", "a&", "&a", "a=", "=", "a=b=c", "a+b=c+d",
            "%41=%zz", "a=%4", "a=%", "a=%%41", "a=%+", "a=%4+", "a=%4g", "a=1&a=2&a", "a&a=1",
            "=&=&a=1", "a=1&b=2&", "a=1&b=2", "a=1&=&b=2", "%=1", "a%3D=b%26c", "a=%2B+", ""}
        for _, s in ipairs(inputs) do
            for _, max in ipairs({0, 1, 2}) do
                local r = show(ngx.decode_args(s, max))
                ngx.say("[", s, "] ", max, ": ", r)
            end
        end
    }
}
--- request
GET /t
--- response_body
[a=1&&b=2] 0: <a>=<1> <b>=<2>
[a=1&&b=2] 1: <a>=<1> !truncated
[a=1&&b=2] 2: <a>=<1> !truncated
[&] 0: 
[&] 1:  !truncated
[&] 2: 
[&&] 0: 
[&&] 1:  !truncated
[&&] 2:  !truncated
[=x] 0: 
[=x] 1: 
[=x] 2: 
[a&] 0: <a>=true
[a&] 1: <a>=true !truncated
[a&] 2: <a>=true
[&a] 0: <a>=true
[&a] 1:  !truncated
[&a] 2: <a>=true
[a=] 0: <a>=<>
[a=] 1: <a>=<>
[a=] 2: <a>=<>
[=] 0: 
[=] 1: 
[=] 2: 
[a=b=c] 0: <a>=<b=c>
[a=b=c] 1: <a>=<b=c>
[a=b=c] 2: <a>=<b=c>
[a+b=c+d] 0: <a b>=<c d>
[a+b=c+d] 1: <a b>=<c d>
[a+b=c+d] 2: <a b>=<c d>
[%41=%zz] 0: <A>=<%zz>
[%41=%zz] 1: <A>=<%zz>
[%41=%zz] 2: <A>=<%zz>
[a=%4] 0: <a>=<%4>
[a=%4] 1: <a>=<%4>
[a=%4] 2: <a>=<%4>
[a=%] 0: <a>=<%>
[a=%] 1: <a>=<%>
[a=%] 2: <a>=<%>
[a=%%41] 0: <a>=<%A>
[a=%%41] 1: <a>=<%A>
[a=%%41] 2: <a>=<%A>
[a=%+] 0: <a>=<% >
[a=%+] 1: <a>=<% >
[a=%+] 2: <a>=<% >
[a=%4+] 0: <a>=<%4 >
[a=%4+] 1: <a>=<%4 >
[a=%4+] 2: <a>=<%4 >
[a=%4g] 0: <a>=<%4g>
[a=%4g] 1: <a>=<%4g>
[a=%4g] 2: <a>=<%4g>
[a=1&a=2&a] 0: <a>={<1>,<2>,true}
[a=1&a=2&a] 1: <a>=<1> !truncated
[a=1&a=2&a] 2: <a>={<1>,<2>} !truncated
[a&a=1] 0: <a>={true,<1>}
[a&a=1] 1: <a>=true !truncated
[a&a=1] 2: <a>={true,<1>}
[=&=&a=1] 0: <a>=<1>
[=&=&a=1] 1:  !truncated
[=&=&a=1] 2:  !truncated
[a=1&b=2&] 0: <a>=<1> <b>=<2>
[a=1&b=2&] 1: <a>=<1> !truncated
[a=1&b=2&] 2: <a>=<1> <b>=<2> !truncated
[a=1&b=2] 0: <a>=<1> <b>=<2>
[a=1&b=2] 1: <a>=<1> !truncated
[a=1&b=2] 2: <a>=<1> <b>=<2>
[a=1&=&b=2] 0: <a>=<1> <b>=<2>
[a=1&=&b=2] 1: <a>=<1> !truncated
[a=1&=&b=2] 2: <a>=<1> !truncated
[%=1] 0: <%>=<1>
[%=1] 1: <%>=<1>
[%=1] 2: <%>=<1>
[a%3D=b%26c] 0: <a=>=<b&c>
[a%3D=b%26c] 1: <a=>=<b&c>
[a%3D=b%26c] 2: <a=>=<b&c>
[a=%2B+] 0: <a>=<+ >
[a=%2B+] 1: <a>=<+ >
[a=%2B+] 2: <a>=<+ >
[] 0: 
[] 1: 
[] 2: 

=== TEST 2: get_post_args reads a body the way decode_args reads a string
--- http_config
init_by_lua_block {
function show(t, err)
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    local out = {}
    for _, k in ipairs(keys) do
        local v = t[k]
        if type(v) == "table" then
            local parts = {}
            for i, e in ipairs(v) do parts[i] = type(e) == "string" and ("<" .. e .. ">") or tostring(e) end
            v = "{" .. table.concat(parts, ",") .. "}"
        elseif type(v) == "string" then
            v = "<" .. v .. ">"
        else
            v = tostring(v)
        end
        out[#out + 1] = "<" .. k .. ">=" .. v
    end
    return table.concat(out, " ") .. (err and (" !" .. err) or "")
end
}
--- config
location /post {
    content_by_lua_block {
        ngx.req.read_body()
        ngx.print(show(ngx.req.get_post_args(tonumber(ngx.var.arg_max))))
    }
}
location /t {
    content_by_lua_block {
        local inputs = {"a=1&&b=2", "&", "&&", "=x", "a&", "&a", "a=", "=", "a=b=c", "a+b=c+d",
            "%41=%zz", "a=%4", "a=%", "a=%%41", "a=%+", "a=%4+", "a=%4g", "a=1&a=2&a", "a&a=1",
            "=&=&a=1", "a=1&b=2&", "a=1&b=2", "a=1&=&b=2", "%=1", "a%3D=b%26c", "a=%2B+", ""}
        for _, s in ipairs(inputs) do
            for _, max in ipairs({0, 1, 2}) do
                local r = ngx.location.capture("/post?max=" .. max, { method = ngx.HTTP_POST, body = s }).body
                ngx.say("[", s, "] ", max, ": ", r)
            end
        end
    }
}
--- request
GET /t
--- response_body
[a=1&&b=2] 0: <a>=<1> <b>=<2>
[a=1&&b=2] 1: <a>=<1> !truncated
[a=1&&b=2] 2: <a>=<1> !truncated
[&] 0: 
[&] 1:  !truncated
[&] 2: 
[&&] 0: 
[&&] 1:  !truncated
[&&] 2:  !truncated
[=x] 0: 
[=x] 1: 
[=x] 2: 
[a&] 0: <a>=true
[a&] 1: <a>=true !truncated
[a&] 2: <a>=true
[&a] 0: <a>=true
[&a] 1:  !truncated
[&a] 2: <a>=true
[a=] 0: <a>=<>
[a=] 1: <a>=<>
[a=] 2: <a>=<>
[=] 0: 
[=] 1: 
[=] 2: 
[a=b=c] 0: <a>=<b=c>
[a=b=c] 1: <a>=<b=c>
[a=b=c] 2: <a>=<b=c>
[a+b=c+d] 0: <a b>=<c d>
[a+b=c+d] 1: <a b>=<c d>
[a+b=c+d] 2: <a b>=<c d>
[%41=%zz] 0: <A>=<%zz>
[%41=%zz] 1: <A>=<%zz>
[%41=%zz] 2: <A>=<%zz>
[a=%4] 0: <a>=<%4>
[a=%4] 1: <a>=<%4>
[a=%4] 2: <a>=<%4>
[a=%] 0: <a>=<%>
[a=%] 1: <a>=<%>
[a=%] 2: <a>=<%>
[a=%%41] 0: <a>=<%A>
[a=%%41] 1: <a>=<%A>
[a=%%41] 2: <a>=<%A>
[a=%+] 0: <a>=<% >
[a=%+] 1: <a>=<% >
[a=%+] 2: <a>=<% >
[a=%4+] 0: <a>=<%4 >
[a=%4+] 1: <a>=<%4 >
[a=%4+] 2: <a>=<%4 >
[a=%4g] 0: <a>=<%4g>
[a=%4g] 1: <a>=<%4g>
[a=%4g] 2: <a>=<%4g>
[a=1&a=2&a] 0: <a>={<1>,<2>,true}
[a=1&a=2&a] 1: <a>=<1> !truncated
[a=1&a=2&a] 2: <a>={<1>,<2>} !truncated
[a&a=1] 0: <a>={true,<1>}
[a&a=1] 1: <a>=true !truncated
[a&a=1] 2: <a>={true,<1>}
[=&=&a=1] 0: <a>=<1>
[=&=&a=1] 1:  !truncated
[=&=&a=1] 2:  !truncated
[a=1&b=2&] 0: <a>=<1> <b>=<2>
[a=1&b=2&] 1: <a>=<1> !truncated
[a=1&b=2&] 2: <a>=<1> <b>=<2> !truncated
[a=1&b=2] 0: <a>=<1> <b>=<2>
[a=1&b=2] 1: <a>=<1> !truncated
[a=1&b=2] 2: <a>=<1> <b>=<2>
[a=1&=&b=2] 0: <a>=<1> <b>=<2>
[a=1&=&b=2] 1: <a>=<1> !truncated
[a=1&=&b=2] 2: <a>=<1> !truncated
[%=1] 0: <%>=<1>
[%=1] 1: <%>=<1>
[%=1] 2: <%>=<1>
[a%3D=b%26c] 0: <a=>=<b&c>
[a%3D=b%26c] 1: <a=>=<b&c>
[a%3D=b%26c] 2: <a=>=<b&c>
[a=%2B+] 0: <a>=<+ >
[a=%2B+] 1: <a>=<+ >
[a=%2B+] 2: <a>=<+ >
[] 0: 
[] 1: 
[] 2: 

=== TEST 3: get_uri_args (lua-resty-core): more segments than max is truncated, but empty pairs do not use up max
--- http_config
init_by_lua_block {
function show(t, err)
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    local out = {}
    for _, k in ipairs(keys) do
        local v = t[k]
        if type(v) == "table" then
            local parts = {}
            for i, e in ipairs(v) do parts[i] = type(e) == "string" and ("<" .. e .. ">") or tostring(e) end
            v = "{" .. table.concat(parts, ",") .. "}"
        elseif type(v) == "string" then
            v = "<" .. v .. ">"
        else
            v = tostring(v)
        end
        out[#out + 1] = "<" .. k .. ">=" .. v
    end
    return table.concat(out, " ") .. (err and (" !" .. err) or "")
end
}
--- config
location /t {
    content_by_lua_block {
        local inputs = {"a=1&&b=2", "&", "&&", "=x", "a&", "&a", "a=", "=", "a=b=c", "a+b=c+d",
            "%41=%zz", "a=%4", "a=%", "a=%%41", "a=%+", "a=%4+", "a=%4g", "a=1&a=2&a", "a&a=1",
            "=&=&a=1", "a=1&b=2&", "a=1&b=2", "a=1&=&b=2", "%=1", "a%3D=b%26c", "a=%2B+", ""}
        for _, s in ipairs(inputs) do
            for _, max in ipairs({0, 1, 2}) do
                ngx.req.set_uri_args(s)
                local r = show(ngx.req.get_uri_args(max))
                ngx.say("[", s, "] ", max, ": ", r)
            end
        end
    }
}
--- request
GET /t
--- response_body
[a=1&&b=2] 0: <a>=<1> <b>=<2>
[a=1&&b=2] 1: <a>=<1> !truncated
[a=1&&b=2] 2: <a>=<1> <b>=<2> !truncated
[&] 0: 
[&] 1:  !truncated
[&] 2: 
[&&] 0: 
[&&] 1:  !truncated
[&&] 2:  !truncated
[=x] 0: 
[=x] 1: 
[=x] 2: 
[a&] 0: <a>=true
[a&] 1: <a>=true !truncated
[a&] 2: <a>=true
[&a] 0: <a>=true
[&a] 1: <a>=true !truncated
[&a] 2: <a>=true
[a=] 0: <a>=<>
[a=] 1: <a>=<>
[a=] 2: <a>=<>
[=] 0: 
[=] 1: 
[=] 2: 
[a=b=c] 0: <a>=<b=c>
[a=b=c] 1: <a>=<b=c>
[a=b=c] 2: <a>=<b=c>
[a+b=c+d] 0: <a b>=<c d>
[a+b=c+d] 1: <a b>=<c d>
[a+b=c+d] 2: <a b>=<c d>
[%41=%zz] 0: <A>=<%zz>
[%41=%zz] 1: <A>=<%zz>
[%41=%zz] 2: <A>=<%zz>
[a=%4] 0: <a>=<%4>
[a=%4] 1: <a>=<%4>
[a=%4] 2: <a>=<%4>
[a=%] 0: <a>=<%>
[a=%] 1: <a>=<%>
[a=%] 2: <a>=<%>
[a=%%41] 0: <a>=<%A>
[a=%%41] 1: <a>=<%A>
[a=%%41] 2: <a>=<%A>
[a=%+] 0: <a>=<% >
[a=%+] 1: <a>=<% >
[a=%+] 2: <a>=<% >
[a=%4+] 0: <a>=<%4 >
[a=%4+] 1: <a>=<%4 >
[a=%4+] 2: <a>=<%4 >
[a=%4g] 0: <a>=<%4g>
[a=%4g] 1: <a>=<%4g>
[a=%4g] 2: <a>=<%4g>
[a=1&a=2&a] 0: <a>={<1>,<2>,true}
[a=1&a=2&a] 1: <a>=<1> !truncated
[a=1&a=2&a] 2: <a>={<1>,<2>} !truncated
[a&a=1] 0: <a>={true,<1>}
[a&a=1] 1: <a>=true !truncated
[a&a=1] 2: <a>={true,<1>}
[=&=&a=1] 0: <a>=<1>
[=&=&a=1] 1: <a>=<1> !truncated
[=&=&a=1] 2: <a>=<1> !truncated
[a=1&b=2&] 0: <a>=<1> <b>=<2>
[a=1&b=2&] 1: <a>=<1> !truncated
[a=1&b=2&] 2: <a>=<1> <b>=<2> !truncated
[a=1&b=2] 0: <a>=<1> <b>=<2>
[a=1&b=2] 1: <a>=<1> !truncated
[a=1&b=2] 2: <a>=<1> <b>=<2>
[a=1&=&b=2] 0: <a>=<1> <b>=<2>
[a=1&=&b=2] 1: <a>=<1> !truncated
[a=1&=&b=2] 2: <a>=<1> <b>=<2> !truncated
[%=1] 0: <%>=<1>
[%=1] 1: <%>=<1>
[%=1] 2: <%>=<1>
[a%3D=b%26c] 0: <a=>=<b&c>
[a%3D=b%26c] 1: <a=>=<b&c>
[a%3D=b%26c] 2: <a=>=<b&c>
[a=%2B+] 0: <a>=<+ >
[a=%2B+] 1: <a>=<+ >
[a=%2B+] 2: <a>=<+ >
[] 0: 
[] 1: 
[] 2: 

=== TEST 4: max below 0: the default 100 for get_uri_args, no limit for decode_args and get_post_args; get_uri_args fills a given table
--- http_config
init_by_lua_block {
function show(t, err)
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    local out = {}
    for _, k in ipairs(keys) do
        local v = t[k]
        if type(v) == "table" then
            local parts = {}
            for i, e in ipairs(v) do parts[i] = type(e) == "string" and ("<" .. e .. ">") or tostring(e) end
            v = "{" .. table.concat(parts, ",") .. "}"
        elseif type(v) == "string" then
            v = "<" .. v .. ">"
        else
            v = tostring(v)
        end
        out[#out + 1] = "<" .. k .. ">=" .. v
    end
    return table.concat(out, " ") .. (err and (" !" .. err) or "")
end
}
--- config
location /count {
    content_by_lua_block {
        ngx.req.read_body()
        local max = tonumber(ngx.var.arg_max)
        local t, err
        if max then t, err = ngx.req.get_post_args(max) else t, err = ngx.req.get_post_args() end
        local c = 0
        for _ in pairs(t) do c = c + 1 end
        ngx.print(c, " ", tostring(err))
    }
}
location /t {
    content_by_lua_block {
        local parts = {}
        for i = 1, 102 do parts[i] = "k" .. i .. "=" .. i end
        local s = table.concat(parts, "&")
        local function n(t, err) local c = 0 for _ in pairs(t) do c = c + 1 end return c .. " " .. tostring(err) end
        for _, max in ipairs({-1, 0, 101, 102}) do
            ngx.req.set_uri_args(s)
            local u = n(ngx.req.get_uri_args(max))
            local p = ngx.location.capture("/count?max=" .. max, { method = ngx.HTTP_POST, body = s }).body
            ngx.say(max, " uri: ", u, " | decode: ", n(ngx.decode_args(s, max)), " | post: ", p)
        end
        ngx.say("default uri: ", n(ngx.req.get_uri_args()), " | decode: ", n(ngx.decode_args(s)),
            " | post: ", ngx.location.capture("/count", { method = ngx.HTTP_POST, body = s }).body)
        ngx.say("nil uri: ", n(ngx.req.get_uri_args(nil)), " | fraction: ", n(ngx.decode_args("a=1&b=2", 1.7)))
        local tab = {x = 1, "y"}
        ngx.req.set_uri_args("a=1&a=2")
        local r = ngx.req.get_uri_args(0, tab)
        ngx.say(r == tab, " ", show(tab))
    }
}
--- request
GET /t
--- response_body
-1 uri: 100 truncated | decode: 102 nil | post: 102 nil
0 uri: 102 nil | decode: 102 nil | post: 102 nil
101 uri: 101 truncated | decode: 101 truncated | post: 101 truncated
102 uri: 102 nil | decode: 102 nil | post: 102 nil
default uri: 100 truncated | decode: 100 truncated | post: 100 truncated
nil uri: 100 truncated | fraction: 1 truncated
true <a>={<1>,<2>}

=== TEST 5: get_uri_args on a query read off the request line
--- config
location /t {
    content_by_lua_block {
        local args, err = ngx.req.get_uri_args(3)
        ngx.say(args.a, " ", args.b, " ", tostring(args.c), " ", tostring(args[""]), " ", tostring(err))
        args, err = ngx.req.get_uri_args()
        ngx.say(args["a b"], " ", args.d[1], args.d[2], " ", tostring(err))
    }
}
--- request
GET /t?a=%41%zz&&=x&b=%2B+&c&a%20b=1&d=&d=%
--- response_body
A%zz +  true nil truncated
1 % nil

=== TEST 6: a max passed as nil is luaL_checkinteger's error for get_post_args and decode_args, the default for get_uri_args
--- config
location /t {
    content_by_lua_block {
        ngx.req.read_body()
        local ok, err = pcall(ngx.req.get_post_args, nil)
        ngx.say(ok, " ", tostring(err):match("number expected, got nil") ~= nil)
        ok, err = pcall(ngx.decode_args, "a=1", nil)
        ngx.say(ok, " ", tostring(err):match("number expected, got nil") ~= nil)
        ngx.say(ngx.req.get_post_args(1.9).a, " ", ngx.req.get_uri_args(nil).q)
    }
}
--- request
POST /t?q=2
a=1&b=2
--- response_body
false true
false true
1 2
