package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jresty -t} prints nginx -t's lines under jresty's name and answers 0 or 1. */
class ConfCheckTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String conf) {
        Path file = Confs.write(dir, "nginx.conf", conf);
        return ConfCheck.run(file, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void goodConfIsSyntaxOkAndTestIsSuccessful() {
        int status = check("events {}\nhttp { server { location / { content_by_lua_block { ngx.say('ok') } } } }\n");
        Path file = dir.resolve("nginx.conf").toAbsolutePath();
        assertThat(status).isZero();
        assertThat(printed()).isEqualTo(
            "jresty: the configuration file " + file + " syntax is ok\n"
                + "jresty: configuration file " + file + " test is successful\n");
    }

    @Test
    void badConfPrintsTheEmergAndTestFailed() {
        int status = check("events {}\nhttp {\n  server {\n    bogus on;\n  }\n}\n");
        Path file = dir.resolve("nginx.conf").toAbsolutePath();
        assertThat(status).isEqualTo(1);
        assertThat(printed()).isEqualTo(
            "jresty: [emerg] unknown directive \"bogus\" in " + file + ":4\n"
                + "jresty: configuration file " + file + " test failed\n");
    }

    @Test
    void aLaterStageSeesTheDirectivesAndItsFailureIsTestFailedWithoutSyntaxOk() {
        Path file = Confs.write(dir, "nginx.conf", "events {}\nhttp { server { listen 127.0.0.1:1; } }\n")
            .toAbsolutePath();
        int status = ConfCheck.run(file, new PrintStream(err, true, StandardCharsets.UTF_8), main -> {
            ConfDirective listen = Confs.find(main, "listen");
            throw new ConfException("bind() to " + listen.arg(0) + " refused " + listen.where());
        });
        assertThat(status).isEqualTo(1);
        assertThat(printed()).isEqualTo("jresty: [emerg] bind() to 127.0.0.1:1 refused in " + file + ":2\n"
            + "jresty: configuration file " + file + " test failed\n");
    }

    @Test
    void emptyLuaCodeIsAnErrorNotAnEmerg() {
        int status = check("events {}\nhttp { server { location / { content_by_lua_block {} } } }\n");
        assertThat(status).isEqualTo(1);
        assertThat(printed()).startsWith("jresty: [error] invalid location config: no runnable Lua code in ");
    }

    @Test
    void missingConfFileIsAnOpenFailureWithoutALine() {
        Path missing = dir.resolve("absent.conf").toAbsolutePath();
        int status = ConfCheck.run(missing, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(printed()).startsWith("jresty: [emerg] open() \"" + missing
            + "\" failed (2: No such file or directory)\n");
    }
}
