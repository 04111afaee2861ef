=== TEST 1: output and control functions outside rewrite, access and content
--- http_config
init_by_lua_block {
    function probe2()
        local calls = {
            {"say", function() ngx.say("x") end},
            {"print", function() ngx.print("x") end},
            {"flush", function() ngx.flush() end},
            {"eof", function() ngx.eof() end},
            {"exec", function() ngx.exec("/x") end},
            {"redirect", function() ngx.redirect("/x") end},
            {"set_uri_jump", function() ngx.req.set_uri("/t", true) end},
            {"exit", function() ngx.exit(ngx.OK) end},
            {"status=", function() ngx.status = ngx.status end},
            {"header=", function() ngx.header.x_late = "1" end},
            {"send_headers", function() ngx.send_headers() end},
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
    set_by_lua_block $set_probe { return probe2() }
    content_by_lua_block {
        ngx.say("set: ", ngx.var.set_probe)
    }
    header_filter_by_lua_block { ngx.ctx.header_filter = probe2() }
    body_filter_by_lua_block {
        if ngx.arg[2] then
            ngx.arg[1] = (ngx.arg[1] or "") .. "header_filter: " .. ngx.ctx.header_filter .. "\nbody_filter: " .. probe2() .. "\n"
        end
    }
    log_by_lua_block { ngx.log(ngx.WARN, "log: ", probe2(), ".") }
}
--- request
GET /t
--- response_headers
X-Late: 1
--- response_body
set: say=API disabled in the context of set_by_lua*; print=API disabled in the context of set_by_lua*; flush=API disabled in the context of set_by_lua*; eof=API disabled in the context of set_by_lua*; exec=API disabled in the context of set_by_lua*; redirect=API disabled in the context of set_by_lua*; set_uri_jump=API disabled in the context of set_by_lua*; exit=API disabled in the context of set_by_lua*; send_headers=API disabled in the context of set_by_lua*
header_filter: say=API disabled in the context of header_filter_by_lua*; print=API disabled in the context of header_filter_by_lua*; flush=API disabled in the context of header_filter_by_lua*; eof=API disabled in the context of header_filter_by_lua*; exec=API disabled in the context of header_filter_by_lua*; redirect=API disabled in the context of header_filter_by_lua*; set_uri_jump=API disabled in the context of header_filter_by_lua*; send_headers=API disabled in the context of header_filter_by_lua*
body_filter: say=API disabled in the context of body_filter_by_lua*; print=API disabled in the context of body_filter_by_lua*; flush=API disabled in the context of body_filter_by_lua*; exec=API disabled in the context of body_filter_by_lua*; redirect=API disabled in the context of body_filter_by_lua*; set_uri_jump=API disabled in the context of body_filter_by_lua*; exit=API disabled in the context of body_filter_by_lua*; send_headers=API disabled in the context of body_filter_by_lua*
--- error_log
attempt to set ngx.status after sending out response headers, client: 127.0.0.1
attempt to set ngx.header.HEADER after sending out response headers, client: 127.0.0.1
attempt to set ngx.status after sending out response headers while logging request, client: 127.0.0.1
log: say=API disabled in the context of log_by_lua*; print=API disabled in the context of log_by_lua*; flush=API disabled in the context of log_by_lua*; exec=API disabled in the context of log_by_lua*; redirect=API disabled in the context of log_by_lua*; set_uri_jump=API disabled in the context of log_by_lua*; exit=API disabled in the context of log_by_lua*; send_headers=API disabled in the context of log_by_lua*. while logging request
