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
        "^unexpected (end of file|\".\" in )", " is not terminated by ", " has no opening ", "is duplicate", "^duplicate location ",
        "^no servers are inside upstream", "^no \"events\" section", "directive invalid value",
        "directive invalid number", "it must be \"on\" or \"off\"", "^invalid number \"", "^invalid event type",
        "lua shared dict", "is already defined as", "conflicts with already declared size",
        "^duplicate \"log_format\"", "^location .* (outside|inside)", "can be on the server level only",
        "^invalid location modifier", "^Lua code block missing", "terminating characters for lua code block",
        "^invalid location config", "^invalid number of the map parameters", "^invalid condition ",
        "in condition in ", "^invalid return code ", "^invalid variable name \"", "^open\\(\\) .*\\.conf\""));

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
            String original = Corpus.CONFS.get(i % Corpus.CONFS.size());
            // the first round is the corpus as written: both must accept it
            String body = i < Corpus.CONFS.size() ? original : Corpus.mutate(original, random);
            String conf = "load_module " + NDK_MODULE + "; load_module " + LUA_MODULE + "; " + body;
            Path file = Confs.write(dir, "nginx.conf", conf);
            String theirs = nginx(file);
            String ours = ours(file);
            if (notInOurTable(ours, theirs)) {
                continue;
            }
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

    /** A directive nginx has and jresty does not is an "unknown directive" for us, by design. */
    private boolean notInOurTable(String ours, String theirs) throws IOException, InterruptedException {
        if (!ours.startsWith("unknown directive \"") || theirs.startsWith("unknown directive \"")) {
            return false;
        }
        String name = ours.substring("unknown directive \"".length(), ours.lastIndexOf("\" in "));
        Path probe = Confs.write(dir, "probe.conf", "events {} \"" + name.replace("\"", "\\\"") + "\";");
        return !nginx(probe).startsWith("unknown directive");
    }

    /** Random Lua bodies between the braces of a Lua block end where lua-nginx-module ends them. */
    @Test
    void luaBlockBodiesEndWhereLuaNginxModuleEndsThem() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Random random = new Random(Long.getLong("parity.seed", 20261123L));
        String alphabet = "{}[]=-\"'\\\n x";
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            StringBuilder body = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int k = 0; k < length; k++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // content_by_lua code is compiled at the first request, so -t judges only where it ends;
            // a "return" keeps the body from being empty code, which is a different error
            String conf = "load_module " + NDK_MODULE + "; load_module " + LUA_MODULE + "; events {}\n"
                + "http {\n server {\n location / {\n content_by_lua_block { return " + body + "}\n } } }\n";
            Path file = Confs.write(dir, "nginx.conf", conf);
            String theirs = nginx(file);
            String ours = ours(file);
            if (!theirs.equals("OK") && !MODELED.matcher(theirs).find()) {
                continue;
            }
            compared++;
            if (!theirs.equals(ours)) {
                mismatches.add("nginx: " + theirs + "\nours:  " + ours + "\nconf:\n" + conf);
            }
        }
        assertThat(compared).as("cases nginx judged with messages we model").isGreaterThan(CASES * 9 / 10);
        assertThat(mismatches).isEmpty();
    }

    /** Where each context sits in a conf; %s is the directive under test. */
    private static final java.util.Map<ConfContext, String> PLACES = java.util.Map.of(
        ConfContext.MAIN, "%s\nevents {}\n",
        ConfContext.EVENTS, "events { %s }\n",
        ConfContext.HTTP, "events {} http { %s }\n",
        ConfContext.SERVER, "events {} http { server { %s } }\n",
        ConfContext.LOCATION, "events {} http { server { location /p { %s } } }\n",
        ConfContext.LOCATION_IF, "events {} http { server { location /p { if ($uri) { %s } } } }\n",
        ConfContext.SERVER_IF, "events {} http { server { if ($uri) { %s } } }\n",
        ConfContext.UPSTREAM, "events {} http { upstream u { server 127.0.0.1; %s } }\n");

    /**
     * Every directive of our table, in every context and with 0 to 3 and 9 arguments, is
     * allowed or refused as nginx does. Slow (about 2000 runs of nginx): -Dparity.table=true.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "parity.table", matches = "true")
    void tableMatchesNginxContextsAndArgumentCounts() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        List<String> mismatches = new ArrayList<>();
        for (List<DirectiveSpec> specs : DirectiveTable.all()) {
            String name = specs.get(0).name();
            for (ConfContext context : ConfContext.values()) {
                for (int n : new int[] {0, 1, 2, 3, 9}) {
                    StringBuilder line = new StringBuilder(name);
                    for (int k = 0; k < n; k++) {
                        line.append(" a").append(k);
                    }
                    boolean block = specs.stream().anyMatch(DirectiveSpec::hasBlock);
                    String conf = String.format(PLACES.get(context), line + (block ? " { }" : ";"));
                    Path file = Confs.write(dir, "nginx.conf", "load_module " + NDK_MODULE + "; load_module "
                        + LUA_MODULE + "; " + conf);
                    String theirs = shape(nginx(file));
                    String ours = shape(ours(file));
                    if (theirs.equals("unknown directive") && !ours.equals(theirs)) {
                        continue; // jresty's own directive (lua_budget): nginx has nothing to compare
                    }
                    if (!theirs.equals(ours) && !(theirs.equals("passes") && ours.equals("OK"))
                        && !(ours.equals("OK") && theirs.equals("passes"))) {
                        mismatches.add(context + " " + line + ": nginx " + theirs + ", ours " + ours);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** What the context and count checks said; any later complaint means they passed. */
    private static String shape(String message) {
        for (String word : List.of("is not allowed here", "invalid number of arguments", "is not terminated",
            "has no opening", "unknown directive")) {
            if (message.contains(word)) {
                return word;
            }
        }
        return "passes";
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
        for (String level : List.of("nginx: [emerg] ", "nginx: [error] ")) {
            int at = out.indexOf(level);
            if (at >= 0) {
                // a message may hold newlines (a directive name can): it ends where the verdict starts
                int end = out.indexOf("\nnginx: ", at + level.length());
                return out.substring(at + level.length(), end < 0 ? out.length() : end).strip();
            }
        }
        return p.exitValue() == 0 ? "OK" : "FAILED: " + out;
    }
}
