package io.jresty.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs one {@link TestBlock} against a fresh server and checks every expectation it states. */
public final class BlockRunner {
    private BlockRunner() {}

    public static void run(TestBlock block) throws Exception {
        String conf = block.has("full_config") ? block.get("full_config")
                : TestServer.serverConf(block.get("main_config"), block.get("http_config"), block.get("config"));
        try (TestServer server = TestServer.start(conf, userFiles(block.get("user_files")))) {
            RawHttp.Response response = server.request(rawRequest(block));
            check(block, server::errorLog, response, server.port());
        }
    }

    /** Runs the block against Debian's nginx + lua-nginx-module instead (reference mode). */
    public static void runOnNginx(TestBlock block) throws Exception {
        String conf = block.has("full_config") ? block.get("full_config")
                : TestServer.serverConf(block.get("main_config"), block.get("http_config"), block.get("config"));
        try (NginxReference nginx = NginxReference.start(conf, userFiles(block.get("user_files")))) {
            RawHttp.Response response = RawHttp.exchange(nginx.port(),
                    rawRequest(block).getBytes(StandardCharsets.ISO_8859_1), 10_000);
            Thread.sleep(100);
            check(block, nginx::errorLog, response, nginx.port());
        }
    }

    static String rawRequest(TestBlock block) {
        if (block.has("raw_request")) {
            String raw = block.get("raw_request").replace("\n", "\r\n");
            // a block value loses its trailing blank lines: the header end comes back here
            return raw.endsWith("\r\n\r\n") ? raw : raw + "\r\n";
        }
        String request = block.get("request").strip();
        String line = request;
        String body = block.get("request_body");
        int nl = request.indexOf('\n');
        if (nl >= 0) {
            line = request.substring(0, nl).strip();
            body = request.substring(nl + 1);
        }
        if (!line.matches(".* HTTP/\\d\\.\\d$")) {
            line = line + " HTTP/1.1";
        }
        StringBuilder raw = new StringBuilder(line).append("\r\n");
        String headers = block.get("more_headers");
        boolean host = false;
        if (headers != null) {
            for (String h : headers.strip().split("\n")) {
                if (!h.isBlank()) {
                    raw.append(h.strip()).append("\r\n");
                    host |= h.toLowerCase().startsWith("host:");
                }
            }
        }
        if (!host) {
            raw.append("Host: localhost\r\n");
        }
        raw.append("Connection: close\r\n");
        if (body != null) {
            raw.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        raw.append("\r\n");
        if (body != null) {
            raw.append(body);
        }
        return raw.toString();
    }

    /** The error log so far. */
    interface LogSource {
        String read() throws Exception;
    }

    private static void check(TestBlock block, LogSource server, RawHttp.Response r, int port) throws Exception {
        String name = block.displayName();
        block = expand(block, port);
        int expectedStatus = block.has("error_code") ? Integer.parseInt(block.get("error_code").strip()) : 200;
        assertThat(r.status()).as(name + ": status; body=" + r.bodyText() + "\nlog:\n" + server.read())
                .isEqualTo(expectedStatus);
        if (block.has("response_body")) {
            assertThat(r.bodyText()).as(name + ": body\nlog:\n" + server.read()).isEqualTo(block.get("response_body"));
        }
        if (block.has("response_body_like")) {
            assertThat(r.bodyText()).as(name + ": body")
                    .containsPattern(Pattern.compile(block.get("response_body_like").strip(), Pattern.DOTALL));
        }
        if (block.has("response_headers")) {
            for (String line : block.get("response_headers").strip().split("\n")) {
                int colon = line.indexOf(':');
                String header = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (value.isEmpty()) {
                    assertThat(r.header(header)).as(name + ": header " + header + " absent").isNull();
                } else {
                    assertThat(r.header(header)).as(name + ": header " + header).isEqualTo(value);
                }
            }
        }
        Thread.sleep(block.has("error_log") || block.has("no_error_log") ? 50 : 0);
        String log = server.read();
        // the log phase runs after the response went out: on a busy machine give it a moment more
        for (int i = 0; i < 40 && block.has("error_log") && !containsAll(log, block.get("error_log")); i++) {
            Thread.sleep(50);
            log = server.read();
        }
        if (block.has("error_log")) {
            for (String line : block.get("error_log").strip().split("\n")) {
                assertThat(log).as(name + ": error log").contains(line.strip());
            }
        }
        if (block.has("no_error_log")) {
            for (String line : block.get("no_error_log").strip().split("\n")) {
                assertThat(log).as(name + ": error log").doesNotContain(line.strip());
            }
        }
    }

    private static boolean containsAll(String log, String lines) {
        for (String line : lines.strip().split("\n")) {
            if (!log.contains(line.strip())) {
                return false;
            }
        }
        return true;
    }

    /** The block with $TEST_NGINX_SERVER_PORT replaced in its expectations. */
    private static TestBlock expand(TestBlock block, int port) {
        Map<String, String> sections = new LinkedHashMap<>();
        block.sections().forEach((k, v) -> sections.put(k, v.replace("$TEST_NGINX_SERVER_PORT", String.valueOf(port))));
        return new TestBlock(block.file(), block.number(), block.title(), sections);
    }

    /** ">>> path" lines start files; the lines after are the content. */
    static Map<String, String> userFiles(String spec) {
        Map<String, String> files = new LinkedHashMap<>();
        if (spec == null) {
            return files;
        }
        spec = spec.endsWith("\n") ? spec.substring(0, spec.length() - 1) : spec;
        String current = null;
        StringBuilder content = new StringBuilder();
        for (String line : spec.split("\n", -1)) {
            if (line.startsWith(">>> ")) {
                if (current != null) {
                    files.put(current, content.toString());
                }
                current = line.substring(4).strip();
                content.setLength(0);
            } else if (current != null) {
                content.append(line).append('\n');
            }
        }
        if (current != null) {
            files.put(current, content.toString());
        }
        return files;
    }
}
