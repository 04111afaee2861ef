package io.jresty.server.phase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxFunction;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.testing.TestServer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The phase matrix from the declarations: every ngx function declared with ApiTable, called in
 * each request phase its declaration leaves out, fails with "API disabled in the context of
 * ...". (Which phases each function allows is checked against nginx by 017/018-*.t.)
 */
class PhaseMatrixTest {
    private static final Pattern LUA_PATH = Pattern.compile("ngx(\\.[a-z_0-9]+)+");
    private static final Set<Phase> REQUEST_PHASES = EnumSet.of(Phase.SET, Phase.REWRITE, Phase.ACCESS,
            Phase.CONTENT, Phase.HEADER_FILTER, Phase.BODY_FILTER, Phase.LOG);

    @Test
    void everyDeclaredFunctionIsRefusedOutsideItsContexts() throws Exception {
        // a first server installs the API, which records the declarations
        try (TestServer ignored = TestServer.start(TestServer.serverConf(null, null, ""))) {
            assertThat(ApiTable.declared()).isNotEmpty();
        }
        Map<String, Set<Phase>> refused = new LinkedHashMap<>();
        for (NgxFunction f : ApiTable.declared()) {
            if (LUA_PATH.matcher(f.qualifiedName()).matches()) {
                Set<Phase> off = EnumSet.copyOf(REQUEST_PHASES);
                off.removeAll(f.contexts());
                refused.putIfAbsent(f.qualifiedName(), off);
            }
        }
        try (TestServer server = TestServer.start(conf(refused))) {
            assertThat(server.get("/t").status()).isEqualTo(200);
            String log = awaitLog(server, "probed log");
            for (Phase phase : REQUEST_PHASES) {
                assertThat(log).contains("probed " + phase.luaName() + " ");
            }
            assertThat(log).doesNotContain("mismatch:");
            long probes = refused.values().stream().mapToLong(Set::size).sum();
            assertThat(probes).as("some declarations leave phases out").isGreaterThan(20);
        }
    }

    private static String conf(Map<String, Set<Phase>> refused) {
        StringBuilder cases = new StringBuilder("local cases = {\n");
        refused.forEach((name, phases) -> {
            cases.append("  {\"").append(name).append("\", {");
            for (Phase p : phases) {
                cases.append('"').append(p.luaName()).append("\", ");
            }
            cases.append("}},\n");
        });
        cases.append("}\n");
        String probe = cases + """
                function probe(phase, context)
                    local n = 0
                    for _, c in ipairs(cases) do
                        for _, p in ipairs(c[2]) do
                            if p == phase then
                                local f = loadstring("return " .. c[1])()
                                local ok, err = pcall(f)
                                n = n + 1
                                if ok or not tostring(err):find("API disabled in the context of " .. context, 1, true) then
                                    ngx.log(ngx.ERR, "mismatch: ", c[1], " in ", phase, ": ", tostring(err))
                                end
                            end
                        end
                    end
                    ngx.log(ngx.WARN, "probed ", phase, " ", n)
                    return ""
                end
                """;
        return TestServer.serverConf(null, "init_by_lua_block {\n" + probe + "}\n", """
                location /t {
                    set_by_lua_block $p { return probe("set", "set_by_lua*") }
                    rewrite_by_lua_block { probe("rewrite", "rewrite_by_lua*") }
                    access_by_lua_block { probe("access", "access_by_lua*") }
                    content_by_lua_block { probe("content", "content_by_lua*") ngx.say("ok") }
                    header_filter_by_lua_block { probe("header_filter", "header_filter_by_lua*") }
                    body_filter_by_lua_block { if ngx.arg[2] then probe("body_filter", "body_filter_by_lua*") end }
                    log_by_lua_block { probe("log", "log_by_lua*") }
                }
                """);
    }

    private static String awaitLog(TestServer server, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !server.errorLog().contains(text); i++) {
            Thread.sleep(20);
        }
        return server.errorLog();
    }
}
