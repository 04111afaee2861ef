package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse tree: blocks, lines, files, includes, entries. */
class ConfParserTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheBlockTreeWithFilesAndLines() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir, """
            worker_processes 2;
            events { worker_connections 64; }
            http {
                server {
                    listen 127.0.0.1:8080;
                    location = /t { return 200 "ok\\n"; }
                }
            }
            """);
        assertThat(main).extracting(ConfDirective::name).containsExactly("worker_processes", "events", "http");
        ConfDirective location = Confs.find(main, "location");
        assertThat(location.args()).containsExactly("=", "/t");
        assertThat(location.line()).isEqualTo(6);
        assertThat(location.file()).isEqualTo(dir.resolve("nginx.conf").toAbsolutePath());
        ConfDirective ret = location.block().get(0);
        assertThat(ret.args()).containsExactly("200", "ok\n");
        assertThat(ret.hasBlock()).isFalse();
        assertThat(ret.where()).isEqualTo("in " + dir.toAbsolutePath().resolve("nginx.conf") + ":6");
    }

    @Test
    void includeIsRelativeToTheMainConfDirectoryNotTheIncludingFile() throws ConfException {
        Confs.write(dir, "conf.d/server.conf", "server { include snippets/loc.conf; }\n");
        Confs.write(dir, "snippets/loc.conf", "\n\nlocation /x { return 204; }\n");
        List<ConfDirective> main = Confs.parse(dir, "events {}\nhttp { include conf.d/server.conf; }\n");
        ConfDirective location = Confs.find(main, "location");
        assertThat(location.file()).isEqualTo(dir.toAbsolutePath().resolve("snippets/loc.conf"));
        assertThat(location.line()).isEqualTo(3);
        assertThat(Confs.find(main, "include")).isNull();
    }

    @Test
    void includeGlobTakesMatchesInNameOrderAndSkipsHiddenFiles() throws ConfException {
        Confs.write(dir, "d/b.conf", "env B;\n");
        Confs.write(dir, "d/a.conf", "env A;\n");
        Confs.write(dir, "d/.hidden.conf", "env H;\n");
        Confs.write(dir, "d/c.txt", "env C;\n");
        List<ConfDirective> main = Confs.parse(dir, "events {}\ninclude d/*.conf;\n");
        assertThat(main).filteredOn(d -> d.name().equals("env"))
            .extracting(d -> d.arg(0)).containsExactly("A", "B");
    }

    @Test
    void includeGlobWithoutMatchesIsNoError() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir, "events {}\ninclude none/*.conf;\ninclude /nonexistent-dir-x/*;\n");
        assertThat(main).extracting(ConfDirective::name).containsExactly("events");
    }

    @Test
    void includeCycleFailsInsteadOfRecursingForever() {
        Confs.write(dir, "a.conf", "\ninclude b.conf;\n");
        Confs.write(dir, "b.conf", "include a.conf;\n");
        assertThat(Confs.error(dir, "events {}\ninclude a.conf;\n"))
            .isEqualTo("include cycle: \"D/a.conf\" is already being included in D/b.conf:1");
    }

    @Test
    void aFileIncludedTwiceSideBySideIsNoCycle() throws ConfException {
        Confs.write(dir, "e.conf", "env X;\n");
        List<ConfDirective> main = Confs.parse(dir, "events {}\ninclude e.conf;\ninclude e.conf;\n");
        assertThat(main).filteredOn(d -> d.name().equals("env")).hasSize(2);
    }

    @Test
    void typesAndMapHoldEntriesNotDirectives() throws ConfException {
        Confs.write(dir, "mime.types", "types { text/html html htm; }\n");
        List<ConfDirective> main = Confs.parse(dir, """
            events {}
            http {
                include mime.types;
                map $http_host $backend { hostnames; default a; example.com b; }
            }
            """);
        ConfDirective types = Confs.find(main, "types");
        assertThat(types.block()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("text/html");
            assertThat(e.args()).containsExactly("html", "htm");
        });
        ConfDirective map = Confs.find(main, "map");
        assertThat(map.args()).containsExactly("$http_host", "$backend");
        assertThat(map.block()).extracting(ConfDirective::name).containsExactly("hostnames", "default", "example.com");
    }

    @Test
    void serverMeansABlockInHttpAndALineInUpstream() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir, """
            events {}
            http {
                upstream backend { server 127.0.0.1:8081 weight=2; balancer_by_lua_block { return } }
                server { location / { proxy_pass http://backend; } }
            }
            """);
        ConfDirective upstream = Confs.find(main, "upstream");
        assertThat(upstream.block().get(0).hasBlock()).isFalse();
        assertThat(upstream.block().get(0).args()).containsExactly("127.0.0.1:8081", "weight=2");
        assertThat(upstream.block().get(1).args()).containsExactly(" return ");
    }

    @Test
    void ifInServerAndInLocationTakeTheirOwnDirectives() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir, """
            events {}
            http {
                server {
                    if ($request_method = POST) { return 405; }
                    location / {
                        if ($arg_x) { rewrite_by_lua_block { ngx.var.x = 1 } root /tmp; }
                    }
                }
            }
            """);
        ConfDirective rewrite = Confs.find(main, "rewrite_by_lua_block");
        assertThat(rewrite.args()).containsExactly(" ngx.var.x = 1 ");
        assertThat(Confs.find(main, "if").args()).containsExactly("($request_method", "=", "POST)");
    }

    @Test
    void settingsMayRepeatInDifferentBlocks() throws ConfException {
        List<ConfDirective> main = Confs.parse(dir, """
            events {}
            http {
                root /a; sendfile on;
                server { root /b; sendfile off; location / { root /c; if ($x) { sendfile on; } } }
            }
            """);
        assertThat(Confs.find(main, "server")).isNotNull();
    }

    @Test
    void chunkNameFollowsLuaNginxModule() throws ConfException {
        Confs.write(dir, "conf.d/site.conf", "server { location / {\n content_by_lua_block { ngx.say(1) } } }\n");
        List<ConfDirective> main = Confs.parse(dir, "events {}\nhttp {\n init_by_lua_block {\n } include conf.d/site.conf; }\n");
        Path prefix = ConfParser.prefixOf(dir.resolve("nginx.conf"));
        assertThat(LuaChunkName.of(Confs.find(main, "init_by_lua_block"), prefix)).isEqualTo("init_by_lua(nginx.conf:3)");
        assertThat(LuaChunkName.of(Confs.find(main, "content_by_lua_block"), prefix))
            .isEqualTo("content_by_lua(conf.d/site.conf:2)");
    }

    @Test
    void longChunkFileNamesAreCutFromTheLeft() {
        ConfDirective d = new ConfDirective("header_filter_by_lua_block", List.of("x"), null,
            Path.of("/elsewhere/" + "very-long-directory-name/".repeat(3) + "site.conf"), 1234);
        String name = LuaChunkName.of(d, Path.of("/etc/jresty"));
        assertThat(name).startsWith("header_filter_by_lua(...").endsWith("/site.conf:1234)");
        // with lua_load's leading "=" the name fills LuaJIT's 60 bytes exactly
        assertThat(name.length()).isEqualTo(59);
    }
}
