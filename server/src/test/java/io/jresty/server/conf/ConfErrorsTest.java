package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per nginx error message; every expectation was first produced by nginx 1.22 with
 * lua-nginx-module ({@code nginx -t}) on the same text, "D" standing for the conf directory.
 */
class ConfErrorsTest {
    @TempDir
    Path dir;

    static final String LOC = "events {}\nhttp {\n server {\n  location / {\n";
    static final String END = "\n  }\n }\n}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("events {}\nhttp {\n foo;\n}\n", "unknown directive \"foo\" in D/nginx.conf:3"),
            Arguments.of("events {}\nhttp {\n server {\n  root /a;\n  if ($a) { root /x; }\n }\n}\n",
                "\"root\" directive is not allowed here in D/nginx.conf:5"),
            Arguments.of("events {}\nhttp { server { listen; } }\n",
                "invalid number of arguments in \"listen\" directive in D/nginx.conf:2"),
            Arguments.of("events {}\n}\n", "unexpected \"}\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp {\n server {\n", "unexpected end of file, expecting \"}\" in D/nginx.conf:4"),
            Arguments.of("events {}\nhttp {\n root /a", "unexpected end of file, expecting \";\" or \"}\" in D/nginx.conf:3"),
            Arguments.of("events {}\nhttp {\n root \"/a\n", "unexpected end of file, expecting \";\" or \"}\" in D/nginx.conf:4"),
            Arguments.of("events {}\nhttp { server; }\n", "directive \"server\" has no opening \"{\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { root /a { } }\n", "directive \"root\" is not terminated by \";\" in D/nginx.conf:2"),
            Arguments.of("events {}\n;\n", "unexpected \";\" in D/nginx.conf:2"),
            Arguments.of("events {}\n{\n", "unexpected \"{\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { root \"a\"b; }\n", "unexpected \"b\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { root \"a\"(; }\n", "unexpected \"(\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { root \"a\"); }\n", "invalid number of arguments in \"root\" directive in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp {\n server {\n  location / {\n  }\n  location / {\n  }\n }\n}\n",
                "duplicate location \"/\" in D/nginx.conf:6"),
            Arguments.of("events {}\nhttp {\n server {\n  location ^~ /a {}\n  location /a {}\n }\n}\n",
                "duplicate location \"/a\" in D/nginx.conf:5"),
            Arguments.of("events{} http { server { location /b { location /b/c {} location /b/c {} } "
                + "location /a {} location /a {} } }", "duplicate location \"/b/c\" in D/nginx.conf:1"),
            Arguments.of("events {}\nhttp {\n server {\n  location / {\n  }\n  location / {\n  }\n }\n foo;\n}\n",
                "unknown directive \"foo\" in D/nginx.conf:9"),
            Arguments.of("events{} http { server { location /a {} location /a {} } upstream u {\n\n} }",
                "no servers are inside upstream in D/nginx.conf:3"),
            Arguments.of("events {}\nworker_processes 2;\nworker_processes 3;\n",
                "\"worker_processes\" directive is duplicate in D/nginx.conf:3"),
            Arguments.of("events {}\nevents {}\n", "\"events\" directive is duplicate in D/nginx.conf:2"),
            Arguments.of("http {}\n", "no \"events\" section in configuration"),
            Arguments.of("events {}\ninclude /nonexist/x.conf;\n",
                "open() \"/nonexist/x.conf\" failed (2: No such file or directory) in D/nginx.conf:2"),
            Arguments.of("events {}\ninclude nonexist/x.conf;\n",
                "open() \"D/nonexist/x.conf\" failed (2: No such file or directory) in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { types { include /nonexist.conf; } }\n",
                "open() \"/nonexist.conf\" failed (2: No such file or directory) in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { types { include x y; } }\n",
                "invalid number of arguments in \"include\" directive in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { types { text/html html; foo { } } }\n", "unexpected \"{\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { map $uri $x { default 1; a b c; } }\n",
                "invalid number of the map parameters in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location / { root /a; alias /b/; } } }\n",
                "\"alias\" directive is duplicate, \"root\" directive was specified earlier in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location / { root /a; root /b; } } }\n",
                "\"root\" directive is duplicate in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { sendfile x; }\n",
                "invalid value \"x\" in \"sendfile\" directive, it must be \"on\" or \"off\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { client_max_body_size 10x; }\n",
                "\"client_max_body_size\" directive invalid value in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { send_timeout 10x; }\n", "\"send_timeout\" directive invalid value in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { lua_max_pending_timers x; }\n",
                "\"lua_max_pending_timers\" directive invalid number in D/nginx.conf:2"),
            Arguments.of("events {}\nworker_processes -1;\n", "\"worker_processes\" directive invalid value in D/nginx.conf:2"),
            Arguments.of("events { worker_connections x; }\n", "invalid number \"x\" in D/nginx.conf:1"),
            Arguments.of("events { use x; }\n", "invalid event type \"x\" in D/nginx.conf:1"),
            Arguments.of("events {}\nhttp { lua_shared_dict d 100; }\n", "invalid lua shared dict size \"100\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { lua_shared_dict d 1m; lua_shared_dict d 1m; }\n",
                "lua_shared_dict \"d\" is already defined as \"d\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { lua_shared_dict d 1m; lua_shared_dict d 2m; }\n",
                "the size 2097152 of shared memory zone \"d\" conflicts with already declared size 1048576 in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { log_format a x; log_format a y; }\n", "duplicate \"log_format\" name \"a\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location /a { location /b { } } } }\n",
                "location \"/b\" is outside location \"/a\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location @a { location /a { } } } }\n",
                "location \"/a\" cannot be inside the named location \"@a\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location = /a { location /a { } } } }\n",
                "location \"/a\" cannot be inside the exact location \"/a\" in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location /a { location @b {} } } }\n",
                "named location \"@b\" can be on the server level only in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { location a b { } } }\n", "invalid location modifier \"a\" in D/nginx.conf:2"),
            Arguments.of(LOC + "content_by_lua_block { a=1 } content_by_lua_file /x.lua;" + END,
                "\"content_by_lua_file\" directive is duplicate in D/nginx.conf:5"),
            Arguments.of(LOC + "content_by_lua_file /x.lua;\ncontent_by_lua_block {\n a=1\n}" + END,
                "is duplicate in D/nginx.conf:8"),
            Arguments.of(LOC + "content_by_lua_block {}" + END,
                "invalid location config: no runnable Lua code in D/nginx.conf:5"),
            Arguments.of(LOC + "content_by_lua_block { local s = [[ } } } }", "Lua code block missing the closing long "
                + "bracket \"]]\", the inlined Lua code may be too long in D/nginx.conf:5"),
            Arguments.of(LOC + "content_by_lua_block {\n local t = 1 --[==[\n a = 1, ]] }\n", "Lua code block missing the "
                + "closing long bracket \"]==]\", the inlined Lua code may be too long in D/nginx.conf:6"),
            Arguments.of(LOC + "content_by_lua_block {\n local t = {\n a = 1, }\n",
                "unexpected end of file, expecting terminating characters for lua code block in D/nginx.conf:6"),
            Arguments.of(LOC + "content_by_lua_block { local s = \"a\n}\" }" + END,
                "unexpected end of file, expecting \";\" or \"}\" in D/nginx.conf:10"),
            Arguments.of(LOC + "content_by_lua_block a { }" + END,
                "invalid number of arguments in \"content_by_lua_block\" directive in D/nginx.conf:5"),
            Arguments.of(LOC + "content_by_lua_block { };" + END, "unexpected \";\" in D/nginx.conf:5"),
            Arguments.of(LOC + "content_by_lua_block;" + END,
                "directive \"content_by_lua_block\" has no opening \"{\" in D/nginx.conf:5"),
            Arguments.of("events {}\nhttp { server { set_by_lua_block { return 1 } } }\n",
                "invalid number of arguments in \"set_by_lua_block\" directive in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp { server { content_by_lua_block { } } }\n",
                "\"content_by_lua_block\" directive is not allowed here in D/nginx.conf:2"),
            Arguments.of("events {}\nhttp\n{\nroot\n/a\n;\n foo\nbar\n;\n}", "unknown directive \"foo\" in D/nginx.conf:9"),
            Arguments.of("events{}\r\nhttp {\r\n foo;\r\n}", "unknown directive \"foo\" in D/nginx.conf:3"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void failsWithNginxMessage(String conf, String message) {
        assertThat(Confs.error(dir, conf)).isEqualTo(message);
    }
}
