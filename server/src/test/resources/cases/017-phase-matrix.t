=== TEST 1: which request functions each phase refuses, and with what error
--- http_config
init_by_lua_block {
    function probe()
        local calls = {
            {"req.get_method", function() return ngx.req.get_method() end},
            {"req.set_method", function() ngx.req.set_method(ngx.HTTP_GET) end},
            {"req.http_version", function() return ngx.req.http_version() end},
            {"req.start_time", function() return ngx.req.start_time() end},
            {"req.is_internal", function() return ngx.req.is_internal() end},
            {"req.get_uri_args", function() return ngx.req.get_uri_args() end},
            {"req.set_uri_args", function() ngx.req.set_uri_args("a=1") end},
            {"req.set_uri", function() ngx.req.set_uri("/t") end},
            {"req.get_headers", function() return ngx.req.get_headers() end},
            {"req.set_header", function() ngx.req.set_header("X-Probe", "1") end},
            {"req.clear_header", function() ngx.req.clear_header("X-Probe") end},
            {"req.raw_header", function() return ngx.req.raw_header() end},
            {"req.read_body", function() ngx.req.read_body() end},
            {"req.discard_body", function() ngx.req.discard_body() end},
            {"req.get_body_data", function() return ngx.req.get_body_data() end},
            {"req.get_body_file", function() return ngx.req.get_body_file() end},
            {"req.get_post_args", function() return ngx.req.get_post_args() end},
            {"req.set_body_data", function() ngx.req.set_body_data("x") end},
            {"req.init_body", function() ngx.req.init_body() end},
            {"resp.get_headers", function() return ngx.resp.get_headers() end},
            {"on_abort", function() return ngx.on_abort(function() end) end},
            {"header.x", function() return ngx.header.x_probe end},
            {"headers_sent", function() return ngx.headers_sent end},
            {"status", function() return ngx.status end},
            {"var.uri", function() return ngx.var.uri end},
            {"ctx", function() return ngx.ctx end},
            {"log", function() ngx.log(ngx.DEBUG, "probe") end},
            {"get_phase", function() return ngx.get_phase() end},
            {"now", function() return ngx.now() end},
            {"http_time", function() return ngx.http_time(0) end},
            {"escape_uri", function() return ngx.escape_uri("a") end},
            {"md5", function() return ngx.md5("a") end},
        }
        local off = {}
        for _, c in ipairs(calls) do
            local ok, err = pcall(c[2])
            if not ok then
                off[#off + 1] = c[1] .. "=" .. (tostring(err):gsub("^.-:%d+: ", ""))
            end
        end
        return table.concat(off, "; ")
    end
}
--- config
location /t {
    set_by_lua_block $set_probe { return probe() }
    rewrite_by_lua_block { ngx.ctx.rewrite = probe() }
    access_by_lua_block { ngx.ctx.access = probe() }
    content_by_lua_block {
        local content = probe()
        ngx.say("set: ", ngx.var.set_probe)
        ngx.say("rewrite: ", ngx.ctx.rewrite)
        ngx.say("access: ", ngx.ctx.access)
        ngx.say("content: ", content)
    }
    header_filter_by_lua_block { ngx.ctx.header_filter = probe() }
    body_filter_by_lua_block {
        if ngx.arg[2] then
            ngx.arg[1] = (ngx.arg[1] or "") .. "header_filter: " .. ngx.ctx.header_filter .. "\nbody_filter: " .. probe() .. "\n"
        end
    }
    log_by_lua_block { ngx.log(ngx.WARN, "log: ", probe(), ".") }
}
--- request
GET /t
--- response_body
set: req.read_body=API disabled in the context of set_by_lua*; req.get_post_args=no request body found; maybe you should turn on lua_need_request_body?; req.set_body_data=request body not read yet; req.init_body=request body not read yet
rewrite: 
access: 
content: 
header_filter: req.read_body=API disabled in the context of header_filter_by_lua*
body_filter: req.read_body=API disabled in the context of body_filter_by_lua*
--- error_log
log: req.read_body=API disabled in the context of log_by_lua*. while logging request, client: 127.0.0.1
