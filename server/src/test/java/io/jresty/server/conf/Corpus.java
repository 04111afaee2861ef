package io.jresty.server.conf;

import java.util.List;
import java.util.Random;

/** Sample confs and the mutations the fuzz and parity tests make of them. */
final class Corpus {
    private Corpus() {
    }

    static final List<String> CONFS = List.of(
        """
        worker_processes 1;
        daemon off;
        master_process off;
        env PATH;
        events { worker_connections 64; }
        http {
            lua_package_path "/tmp/?.lua;;";
            lua_shared_dict cache 1m;
            lua_code_cache on;
            init_by_lua_block { local t = { "}" } }
            init_worker_by_lua_block {
                -- a comment with a } brace
                local s = [==[ ]] } ]==]
            }
            upstream backend {
                server 127.0.0.1:8081;
                keepalive 8;
            }
            map $http_host $tenant { default none; example.com ex; }
            types { text/html html; application/json json; }
            server {
                listen 127.0.0.1:8080;
                server_name example.com "*.example.org";
                root /tmp;
                set $a 1;
                if ($request_method = POST) { return 405; }
                location = /t {
                    default_type text/plain;
                    content_by_lua_block {
                        ngx.say("hello, {world}")
                    }
                }
                location /p/ {
                    proxy_pass http://backend;
                    proxy_set_header Host $host;
                    proxy_read_timeout 5s;
                }
                location ~ ^/re/(\\d+)$ {
                    rewrite_by_lua_block { ngx.var.a = 2 }
                    access_by_lua 'ngx.exit(403)';
                    header_filter_by_lua_block { ngx.header["X-A"] = "{" }
                    body_filter_by_lua_block { ngx.arg[1] = ngx.arg[1] }
                    log_by_lua_block { local x = '}' }
                    if ($arg_x) { add_header X-X 1; content_by_lua_block { ngx.say(1) } }
                }
                location @named { return 204; }
            }
        }
        """,
        """
        events {}
        http {
            sendfile on; tcp_nopush on; keepalive_timeout 65 60; keepalive_requests 100;
            client_max_body_size 8m; client_body_buffer_size 16k; large_client_header_buffers 4 8k;
            client_header_timeout 10s; client_body_timeout 1m30s; send_timeout 10;
            log_format main '$remote_addr "$request" $status';
            access_log logs/access.log main;
            server_tokens off; underscores_in_headers on; ignore_invalid_headers off; merge_slashes on;
            resolver 127.0.0.1 valid=30s; resolver_timeout 5s;
            lua_socket_connect_timeout 1s; lua_socket_pool_size 10; lua_max_pending_timers 64;
            server {
                listen 127.0.0.1:8081;
                error_page 404 /404.html;
                location / { index index.html; try_files $uri $uri/ =404; }
                location /a { location /a/b { internal; } alias /tmp/; }
                location /s { set_by_lua_block $x { return ngx.var.arg_a } return 200 $x; }
            }
        }
        """);

    /** Characters that matter to the tokenizers, and some that do not. */
    private static final String CHARS = "{};\"'#\\$()[]=-\n \tax";

    static String mutate(String text, Random random) {
        int rounds = 1 + random.nextInt(3);
        String out = text;
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(out, random);
        }
        return out;
    }

    private static String mutateOnce(String text, Random random) {
        if (text.isEmpty()) {
            return String.valueOf(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        int at = random.nextInt(text.length());
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(lines.length);
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + text.substring(at);
            case 2 -> {
                lines[line] = "";
                yield String.join("\n", lines);
            }
            case 3 -> {
                int other = random.nextInt(lines.length);
                String tmp = lines[line];
                lines[line] = lines[other];
                lines[other] = tmp;
                yield String.join("\n", lines);
            }
            case 4 -> {
                lines[line] = lines[line] + "\n" + lines[random.nextInt(lines.length)];
                yield String.join("\n", lines);
            }
            default -> text.substring(0, at) + " " + randomDirective(random) + " " + text.substring(at);
        };
    }

    private static final List<String> INSERTS = List.of("foo;", "root /x;", "alias /y/;", "location /z { }",
        "server { }", "if ($a) { }", "content_by_lua_block { }", "content_by_lua_block { x = 1 }",
        "content_by_lua 'x()';", "sendfile maybe;", "worker_processes 4;", "events { }", "http { }",
        "upstream u { }", "include none.conf;", "include none/*.conf;", "lua_shared_dict cache 1m;",
        "lua_shared_dict cache 2m;", "set_by_lua_block { }", "types { }", "map $a $b { a; }", "listen;",
        "keepalive_timeout 5 6 7;", "return 200;", "internal;", "proxy_pass http://127.0.0.1;", "}", "{", ";",
        "location = /t { }", "location @n { location /q { } }", "log_format main x;", "balancer_by_lua_block { }");

    private static String randomDirective(Random random) {
        return INSERTS.get(random.nextInt(INSERTS.size()));
    }
}
