package io.jresty.server.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: mutated confs go through the real nginx 1.22 + lua-nginx-module
 * ({@code nginx -t}) and through our parser; where nginx fails with a message we model,
 * ours must be the same, and where nginx accepts a conf, we must too. Runs only where
 * /usr/sbin/nginx and the lua module are installed.
 */
@EnabledIf("nginxInstalled")
class NginxParityTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path LUA_MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_lua_module.so");
    private static final Path NDK_MODULE = Path.of("/usr/lib/nginx/modules/ndk_http_module.so");
    private static final int CASES = Integer.getInteger("parity.cases", 300);

    /** The messages our parser gives; nginx's other checks (variables, regexes, hosts) are not ours. */
    private static final Pattern MODELED = Pattern.compile(String.join("|",
        "^unknown directive ", " directive is not allowed here ", "^invalid number of arguments ",
        "^unexpected ", " is not terminated by ", " has no opening ", "is duplicate", "^duplicate location ",
        "^no servers are inside upstream", "^no \"events\" section", "directive invalid value",
        "directive invalid number", "it must be \"on\" or \"off\"", "^invalid number \"", "^invalid event type",
        "lua shared dict", "is already defined as", "conflicts with already declared size",
        "^duplicate \"log_format\"", "^location .* (outside|inside)", "can be on the server level only",
        "^invalid location modifier", "^Lua code block missing", "terminating characters for lua code block",
        "^invalid location config", "^invalid number of the map parameters", "^open\\(\\) .*\\.conf\""));

    @TempDir
    Path dir;

    static boolean nginxInstalled() {
        return Files.isExecutable(NGINX) && Files.exists(LUA_MODULE) && Files.exists(NDK_MODULE);
    }

    @Test
    void mutatedConfsFailLikeNginx() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Random random = new Random(Long.getLong("parity.seed", 20261123L));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            String body = Corpus.mutate(Corpus.CONFS.get(i % Corpus.CONFS.size()), random);
            String conf = "load_module " + NDK_MODULE + "; load_module " + LUA_MODULE + "; " + body;
            Path file = Confs.write(dir, "nginx.conf", conf);
            String theirs = nginx(file);
            String ours = ours(file);
            if (theirs.equals("OK") || MODELED.matcher(theirs).find()) {
                compared++;
                if (!theirs.equals(ours)) {
                    mismatches.add("nginx: " + theirs + "\nours:  " + ours + "\nconf:\n" + conf);
                }
            }
        }
        assertThat(compared).as("cases nginx judged with messages we model").isGreaterThan(CASES / 2);
        assertThat(mismatches).as("%d of %d compared cases differ", mismatches.size(), compared).isEmpty();
    }

    private static String ours(Path file) {
        try {
            ConfParser.parse(file);
            return "OK";
        } catch (ConfException e) {
            return e.getMessage();
        }
    }

    private String nginx(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(NGINX.toString(), "-t", "-q", "-e", dir.resolve("logs/err.log").toString(),
            "-p", dir + "/", "-c", file.toString(), "-g", "pid " + dir.resolve("nginx.pid") + ";")
            .redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "TIMEOUT";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line : out.split("\n")) {
            int at = line.indexOf("] ");
            if (line.startsWith("nginx: [emerg] ") || line.startsWith("nginx: [error] ")) {
                return line.substring(at + 2);
            }
        }
        return p.exitValue() == 0 ? "OK" : "FAILED: " + out;
    }
}
