=== TEST 1: ngx.exit(200) in access ends the request with an empty 200
--- config
location /a {
    access_by_lua_block {
        ngx.exit(200)
    }
    content_by_lua_block {
        ngx.say("content")
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "st=", ngx.status, " var=", ngx.var.status)
    }
}
--- request
GET /a
--- response_body chomp
--- error_log
st=200 var=200

=== TEST 2: ngx.exit(204) in access
--- config
location /b {
    access_by_lua_block {
        ngx.exit(204)
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "st=", ngx.status)
    }
}
--- request
GET /b
--- error_code: 204
--- error_log
st=204

=== TEST 3: ngx.status in log after a Lua error is 500
--- config
location /c {
    content_by_lua_block {
        error("boom")
    }
    log_by_lua_block {
        ngx.log(ngx.WARN, "st=", ngx.status)
    }
}
--- request
GET /c
--- error_code: 500
--- error_log
st=500

=== TEST 4: output in rewrite ends the request before content
--- config
location /d {
    rewrite_by_lua_block {
        ngx.say("from rewrite")
    }
    content_by_lua_block {
        ngx.say("content")
    }
}
--- request
GET /d
--- response_body
from rewrite

=== TEST 5: output in access then ngx.exit(ngx.OK) skips content
--- config
location /e {
    access_by_lua_block {
        ngx.say("from access")
        ngx.exit(ngx.OK)
    }
    content_by_lua_block {
        ngx.say("content")
    }
}
--- request
GET /e
--- response_body
from access

=== TEST 6: ngx.exit with the status already sent keeps the custom body
--- config
location /f {
    content_by_lua_block {
        ngx.status = 404
        ngx.say("custom 404")
        ngx.exit(404)
    }
}
--- request
GET /f
--- error_code: 404
--- response_body
custom 404
--- no_error_log
attempt to set status
