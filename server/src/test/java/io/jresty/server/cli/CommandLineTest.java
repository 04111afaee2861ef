package io.jresty.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The nginx-style command line: -t on good and bad confs, -p, -v. */
class CommandLineTest {
    @TempDir
    Path prefix;

    private record Run(int code, String err) {}

    private Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void testingAGoodConfSaysSoAndExitsZero() throws Exception {
        Files.createDirectories(prefix.resolve("conf"));
        Files.writeString(prefix.resolve("conf/nginx.conf"), """
                events {}
                http { server { listen 127.0.0.1:8080; location / { content_by_lua_block { ngx.say("hi") } } } }
                """);
        Run r = run("-p", prefix.toString(), "-t");
        assertThat(r.code()).isZero();
        Path conf = prefix.resolve("conf/nginx.conf");
        assertThat(r.err()).contains("the configuration file " + conf + " syntax is ok")
                .contains("configuration file " + conf + " test is successful");
    }

    @Test
    void testingABadConfNamesFileAndLineAndExitsOne() throws Exception {
        Files.createDirectories(prefix.resolve("conf"));
        Files.writeString(prefix.resolve("conf/other.conf"), "events {}\nhttp {\n    bogus_directive on;\n}\n");
        Run r = run("-p", prefix.toString(), "-c", "conf/other.conf", "-t");
        assertThat(r.code()).isEqualTo(1);
        Path conf = prefix.resolve("conf/other.conf");
        assertThat(r.err()).contains("[emerg] unknown directive \"bogus_directive\" in " + conf + ":3")
                .contains("configuration file " + conf + " test failed");
    }

    @Test
    void aConfThatParsesButCannotBeBuiltFailsWithoutSayingSyntaxIsOk() throws Exception {
        Files.createDirectories(prefix.resolve("conf"));
        Files.writeString(prefix.resolve("conf/nginx.conf"), """
                events {}
                http { server { listen 127.0.0.1:8080;
                    location / { lua_ssl_trusted_certificate missing-ca.pem; return 200; } } }
                """);
        Run r = run("-p", prefix.toString(), "-t");
        assertThat(r.code()).isEqualTo(1);
        Path conf = prefix.resolve("conf/nginx.conf");
        assertThat(r.err()).contains("[emerg] SSL_CTX_load_verify_locations(").contains(conf + ":3")
                .contains("configuration file " + conf + " test failed")
                .doesNotContain("syntax is ok").doesNotContain("test is successful");
    }

    @Test
    void aLuaSyntaxErrorIsAWarningAsNginxStartsWithIt() throws Exception {
        Files.createDirectories(prefix.resolve("conf"));
        Files.writeString(prefix.resolve("conf/nginx.conf"), """
                events {}
                http { server { listen 127.0.0.1:8080; location / { content_by_lua_block { ngx.say( } } } }
                """);
        Run r = run("-p", prefix.toString(), "-t");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("[warn] failed to load inlined Lua code: content_by_lua(nginx.conf:2):1:")
                .contains("test is successful");
    }

    @Test
    void versionIsPrinted() {
        Run r = run("-v");
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("jresty version: jresty/");
    }
}
