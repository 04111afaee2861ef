=== TEST 1: content_by_lua_file, relative to the prefix
--- config
location /t {
    content_by_lua_file lua/hello.lua;
}
--- user_files
>>> lua/hello.lua
ngx.say("from a file: ", ngx.var.uri)
--- request
GET /t
--- response_body
from a file: /t

=== TEST 2: the inline string form
--- config
location /t {
    content_by_lua 'ngx.say("inline ", 1 + 1)';
}
--- request
GET /t
--- response_body
inline 2

=== TEST 3: set_by_lua_block
--- config
location /t {
    set_by_lua_block $computed { return string.rep("ab", 3) }
    content_by_lua_block { ngx.say(ngx.var.computed) }
}
--- request
GET /t
--- response_body
ababab

=== TEST 4: a runtime error in a Lua file names the file and line
--- config
location /t {
    access_by_lua_file lua/deny.lua;
}
--- user_files
>>> lua/deny.lua
local x = 1
error("denied here")
--- request
GET /t
--- error_code: 500
--- error_log
lua/deny.lua:2: denied here

=== TEST 5: header_filter_by_lua and body_filter_by_lua files
--- config
location /t {
    content_by_lua_block { ngx.say("body") }
    header_filter_by_lua_file lua/hf.lua;
    body_filter_by_lua_file lua/bf.lua;
}
--- user_files
>>> lua/hf.lua
ngx.header["X-From-File"] = "hf"
>>> lua/bf.lua
ngx.arg[1] = string.gsub(ngx.arg[1], "body", "BODY")
--- request
GET /t
--- response_body
BODY
--- response_headers
X-From-File: hf

=== TEST 6: lua_package_path with $prefix, a module loaded once per worker
--- http_config
lua_package_path "$prefix/lua/?.lua;;";
--- config
location /t {
    content_by_lua_block {
        local m = require "counter_mod"
        m.n = m.n + 1
        ngx.say(m.n, " ", tostring(require("counter_mod") == m))
    }
}
--- user_files
>>> lua/counter_mod.lua
return { n = 0 }
--- request
GET /t
--- response_body
1 true
