=== TEST 1: ngx.process: one process with no master, as nginx's master_process off
--- config
location /t {
    content_by_lua_block {
        local process = require "ngx.process"
        ngx.say(process.type())
        ngx.say(process.get_master_pid() == ngx.worker.pid())
        ngx.say(type(process.get_master_pid()))
    }
}
--- request
GET /t
--- response_body
single
true
number

=== TEST 2: ngx.process.enable_privileged_agent outside init_by_lua
--- config
location /t {
    content_by_lua_block {
        local process = require "ngx.process"
        local ok, err = process.enable_privileged_agent()
        ngx.say(ok, " ", err)
    }
}
--- request
GET /t
--- response_body
nil API disabled in the current context

=== TEST 3: ngx.process in init_by_lua: type, and the privileged agent jresty cannot start
--- jresty_only: nginx starts a privileged agent process; jresty has no processes to fork
--- http_config
init_by_lua_block {
    local process = require "ngx.process"
    init_type = process.type()
    init_bad = { process.enable_privileged_agent("x") }
    init_agent = { process.enable_privileged_agent(10) }
}
--- config
location /t {
    content_by_lua_block {
        ngx.say(init_type)
        ngx.say(init_bad[1], " ", init_bad[2])
        ngx.say(init_agent[1], " ", init_agent[2])
    }
}
--- request
GET /t
--- response_body
single
nil bad 'connections' argument: number expected and greater than 0
nil privileged agent is not supported by jresty

=== TEST 4: ngx.base64 encodes base64url without padding
--- config
location /t {
    content_by_lua_block {
        local b64 = require "ngx.base64"
        ngx.say(b64.encode_base64url("\255\254\253 hello?>"))
        ngx.say(b64.encode_base64url(""))
        ngx.say(b64.encode_base64url("hi"))
        ngx.say(b64.encode_base64url(42))
        ngx.say(b64.encode_base64url(nil))
    }
}
--- request
GET /t
--- response_body
__79IGhlbGxvPz4

aGk
nilmust provide a string
nilmust provide a string

=== TEST 5: ngx.base64 decodes base64url and refuses what nginx refuses
--- config
location /t {
    content_by_lua_block {
        local b64 = require "ngx.base64"
        ngx.say(b64.decode_base64url("__79IGhlbGxvPz4") == "\255\254\253 hello?>")
        ngx.say(b64.decode_base64url("aGk"))
        ngx.say(b64.decode_base64url("aGk="))
        ngx.say(b64.decode_base64url("aGk=!!"))
        ngx.say(b64.decode_base64url(""))
        ngx.say(b64.decode_base64url("a+b/"))
        ngx.say(b64.decode_base64url("abcde"))
        ngx.say(b64.decode_base64url("ab cd"))
        ngx.say(b64.decode_base64url({}))
    }
}
--- request
GET /t
--- response_body
true
hi
hi
hi

nilinvalid input
nilinvalid input
nilinvalid input
nilmust provide a string

=== TEST 6: ngx.req.add_header appends to the request's headers
--- config
location /t {
    rewrite_by_lua_block {
        local req = require "ngx.req"
        req.add_header("Foo", "b")
        req.add_header("Bar", {"x", "y"})
        req.add_header("Baz", "z")
    }
    content_by_lua_block {
        local h = ngx.req.get_headers()
        ngx.say(table.concat(h.foo, ","))
        ngx.say(table.concat(h.bar, ","))
        ngx.say(h.baz)
        ngx.say(ngx.var.http_baz)
    }
}
--- request
GET /t
--- more_headers
Foo: a
--- response_body
a,b
x,y
z
z

=== TEST 7: ngx.req.add_header refuses a missing value and an empty table
--- config
location /t {
    content_by_lua_block {
        local req = require "ngx.req"
        local ok, err = pcall(req.add_header, "Foo")
        ngx.say(ok, " ", err:find("bad 'value' argument: string or table expected, got nil", 1, true) ~= nil)
        ok, err = pcall(req.add_header, "Foo", {})
        ngx.say(ok, " ", err:find("bad 'value' argument: non-empty table expected", 1, true) ~= nil)
        ok, err = pcall(req.add_header, nil, "v")
        ngx.say(ok, " ", err:find("bad 'name' argument: string expected, got nil", 1, true) ~= nil)
    }
}
--- request
GET /t
--- response_body
false true
false true
false true

=== TEST 8: ngx.resp.add_header appends a response header value
--- config
location /t {
    content_by_lua_block {
        local resp = require "ngx.resp"
        ngx.header["X-A"] = "1"
        resp.add_header("X-A", "2")
        resp.add_header("X-B", {"3", "4"})
        resp.add_header("X_C", "5")
        local h = ngx.resp.get_headers()
        ngx.say(table.concat(h["x-a"], ","))
        ngx.say(table.concat(h["x-b"], ","))
        ngx.say(h["x-c"])
    }
}
--- request
GET /t
--- response_body
1,2
3,4
5

=== TEST 9: ngx.resp.add_header after the headers went out logs as ngx.header does
--- config
location /t {
    content_by_lua_block {
        local resp = require "ngx.resp"
        ngx.say("sent")
        ngx.flush(true)
        resp.add_header("X-Late", "1")
        ngx.say("after")
    }
}
--- request
GET /t
--- response_body
sent
after
--- error_log
attempt to set ngx.header.HEADER after sending out response headers

=== TEST 10: ngx.errlog.raw_log writes the message without the [lua] prefix
--- config
location /t {
    content_by_lua_block {
        local errlog = require "ngx.errlog"
        ngx.say(errlog.get_sys_filter_level() == ngx.DEBUG)
        errlog.raw_log(ngx.WARN, "raw message from errlog")
        ngx.say("ok")
    }
}
--- request
GET /t
--- response_body
true
ok
--- error_log
[warn]
raw message from errlog
--- no_error_log
[lua] content_by_lua

=== TEST 11: ngx.errlog.raw_log argument errors
--- config
location /t {
    content_by_lua_block {
        local errlog = require "ngx.errlog"
        local ok, err = pcall(errlog.raw_log, "x", "m")
        ngx.say(err:find("bad argument #1 to 'raw_log' (must be a number)", 1, true) ~= nil)
        ok, err = pcall(errlog.raw_log, ngx.WARN, 1)
        ngx.say(err:find("bad argument #2 to 'raw_log' (must be a string)", 1, true) ~= nil)
        ok, err = pcall(errlog.raw_log, 100, "m")
        ngx.say(err:find("bad log level", 1, true) ~= nil)
    }
}
--- request
GET /t
--- response_body
true
true
true

=== TEST 12: ngx.errlog without lua_capture_error_log
--- jresty_only: Debian's nginx lacks OpenResty's capture patch and says "missing the capture error log patch for nginx"; jresty answers as OpenResty does when the directive is not set
--- config
location /t {
    content_by_lua_block {
        local errlog = require "ngx.errlog"
        ngx.say(errlog.set_filter_level(ngx.WARN))
        ngx.say(errlog.set_filter_level())
        ngx.say(errlog.get_logs())
    }
}
--- request
GET /t
--- response_body
nildirective "lua_capture_error_log" is not set
nilmissing "level" argument
nildirective "lua_capture_error_log" is not set

=== TEST 13: every resty.core.* module loads
--- config
location /t {
    content_by_lua_block {
        local names = {"base", "base64", "coroutine", "ctx", "exit", "hash", "misc", "ndk", "param",
            "phase", "regex", "request", "response", "shdict", "socket", "time", "uri", "utils", "var",
            "worker"}
        local failed = {}
        for _, n in ipairs(names) do
            local ok, err = pcall(require, "resty.core." .. n)
            if not ok then
                failed[#failed + 1] = n .. ": " .. tostring(err)
            end
        end
        ngx.say(#failed == 0 and "all loaded" or table.concat(failed, "\n"))
        require "resty.core"
        ngx.say(ngx.re.match("abc", "b")[0])
        local utils = require "resty.core.utils"
        ngx.say(utils.str_replace_char("a_b_c", "_", "-"))
        ngx.say(utils.str_replace_char("abc", "_", "-"))
    }
}
--- request
GET /t
--- response_body
all loaded
b
a-b-c
abc

=== TEST 14: ngx.ssl, ngx.ocsp and ngx.pipe fail at require with the reason
--- jresty_only: nginx has these modules; jresty has no TLS handshake phase and no sub-processes
--- config
location /t {
    content_by_lua_block {
        for _, name in ipairs({"ngx.ssl", "ngx.ocsp", "ngx.pipe"}) do
            local ok, err = pcall(require, name)
            ngx.say(ok, " ", err)
        end
    }
}
--- request
GET /t
--- response_body_like
false .*module 'ngx.ssl' is not supported: jresty has no ssl_certificate_by_lua.*
false .*module 'ngx.ocsp' is not supported: jresty has no TLS server handshake.*
false .*module 'ngx.pipe' is not supported: jresty does not spawn sub-processes

=== TEST 15: modules required in init_by_lua work in the request
--- http_config
init_by_lua_block {
    resp_mod = require "ngx.resp"
    b64_mod = require "ngx.base64"
    process_mod = require "ngx.process"
}
--- config
location /t {
    header_filter_by_lua_block {
        resp_mod.add_header("X-Filter", "hf")
    }
    content_by_lua_block {
        resp_mod.add_header("X-Init", "1")
        ngx.say(b64_mod.encode_base64url("?>"), " ", process_mod.type())
    }
}
--- request
GET /t
--- response_body
Pz4 single
--- response_headers
X-Init: 1
X-Filter: hf

=== TEST 16: ngx.resp.add_header refuses a nil value; an empty table adds nothing
--- config
location /t {
    content_by_lua_block {
        local resp = require "ngx.resp"
        local ok, err = pcall(resp.add_header, "X-A")
        ngx.say(ok, " ", err:find("invalid header value", 1, true) ~= nil)
        resp.add_header("X-B", {})
        ngx.say(ngx.header["X-B"])
    }
}
--- request
GET /t
--- response_body
false true
nil

=== TEST 17: add_header outside a request
--- http_config
init_worker_by_lua_block {
    local ok, err = pcall(require("ngx.req").add_header, "A", "b")
    req_err = err
    ok, err = pcall(require("ngx.resp").add_header, "A", "b")
    resp_err = err
}
--- config
location /t {
    content_by_lua_block {
        ngx.say(req_err:find("API disabled in the current context", 1, true) ~= nil)
        ngx.say(resp_err:find("API disabled in the current context", 1, true) ~= nil)
    }
}
--- request
GET /t
--- response_body
true
true

=== TEST 18: ngx.process.signal_graceful_exit is refused rather than silently ignored
--- jresty_only: nginx would start shutting down; jresty exposes no graceful-exit signal to Lua
--- config
location /t {
    content_by_lua_block {
        local process = require "ngx.process"
        local ok, err = pcall(process.signal_graceful_exit)
        ngx.say(ok, " ", err:find("signal_graceful_exit is not supported by jresty", 1, true) ~= nil)
    }
}
--- request
GET /t
--- response_body
false true
