package io.jresty.server.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What OpenResty cannot do: budgets, fail policies, quarantine and the sandbox, end to end. */
class PluginSafetyTest {
    @TempDir
    Path tmp;

    private DynacodeServer start(PluginDocuments doc, String extraSetup) throws Exception {
        return DynacodeServer.start(doc.json(), null, tmp.resolve("p.json"), extraSetup);
    }

    @Test
    void aRunawayPluginIsStoppedAtItsBudgetAndTheRequestGoesOn() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "spin", "access", "while true do end",
                "hello", "content", "ngx.say('served')");
        try (DynacodeServer s = start(doc, "")) {
            long began = System.nanoTime();
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("served\n");
            assertThat(System.nanoTime() - began).isLessThan(5_000_000_000L);
            assertThat(s.errorLog()).contains("plugin spin exceeded its budget of 100 ms");
            assertThat(s.get("other.test", "/").status()).isEqualTo(200);
        }
    }

    @Test
    void aPluginsOwnBudgetAndAClosedFailPolicy() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "spin", "access", "local x = 0 repeat x = x + 1 until false",
                "hello", "content", "ngx.say('never')")
                .with("spin", "budget_ms", 20).with("spin", "fail", "closed").with("spin", "fail_status", 503);
        try (DynacodeServer s = start(doc, "")) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.status()).isEqualTo(503);
            assertThat(s.errorLog()).contains("plugin spin exceeded its budget of 20 ms");
        }
    }

    @Test
    void aPluginThatKeepsFailingIsQuarantinedUntilTheDocumentChanges() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "flaky", "access", "error('broken')",
                "hello", "content", "ngx.say('ok')");
        try (DynacodeServer s = start(doc, "quarantine_after = 2,")) {
            for (int i = 0; i < 4; i++) {
                assertThat(s.get("dynamic.test", "/").bodyText()).isEqualTo("ok\n");
            }
            String log = s.errorLog();
            assertThat(log).contains("event rt_plugins_quarantined flaky");
            assertThat(log.split("event rt_plugins_error flaky", -1)).hasSize(3);

            s.publish(PluginDocuments.enabled().domain("dynamic.test",
                    "flaky", "access", "error('still broken')",
                    "hello", "content", "ngx.say('ok again')").json());
            assertThat(s.poll()).isEqualTo("true");
            s.get("dynamic.test", "/");
            assertThat(s.errorLog().split("event rt_plugins_error flaky", -1)).hasSize(4);
        }
    }

    @Test
    void hugeStringsAndUnboundedRecursionFailAloneAsLuaErrors() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "big", "access", "local s = string.rep('x', 1e10)",
                "bigmethod", "access", "local s = ('x'):rep(1e10)",
                "deep", "access", "local function f(n) return 1 + f(n + 1) end f(1)",
                "hello", "content", "ngx.say('alive')")
                // the overflow, not the default 100 ms budget, must stop it even on a loaded machine
                .with("deep", "budget_ms", 10000);
        try (DynacodeServer s = start(doc, "")) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("alive\n");
            assertThat(s.errorLog())
                    .contains("the execution of big failed due to")
                    .contains("the execution of bigmethod failed due to")
                    .contains("resulting string too large")
                    .contains("the execution of deep failed due to")
                    .contains("stack overflow");
        }
    }

    @Test
    void aCatastrophicPatternIsStoppedByTheBudget() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "backtrack", "access", "local s = string.rep('a', 40) .. 'b' ngx.ctx.r = s:find('^(a-a-a-a-a-a-a-a-a-a-c)')",
                "hello", "content", "ngx.say('survived')").with("backtrack", "budget_ms", 50);
        try (DynacodeServer s = start(doc, "")) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.bodyText()).isEqualTo("survived\n");
            assertThat(s.errorLog()).contains("plugin backtrack exceeded its budget of 50 ms");
        }
    }

    @Test
    void sandboxedPluginsCannotReachTheSystemOrEachOther() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "escape", "access", """
                        ngx.ctx.report = table.concat({
                          tostring(os.execute), tostring(io), tostring(debug), tostring(package),
                          tostring(string.dump), tostring(pcall(require, 'os'))}, ',')
                        mine = 'escape'
                        pcall(function() ngx.say = nil end)""",
                "other", "content", "ngx.say(ngx.ctx.report, ' ', tostring(mine))");
        try (DynacodeServer s = start(doc, "")) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.bodyText()).isEqualTo("nil,nil,nil,nil,nil,false nil\n");
        }
    }

    @Test
    void sandboxFalseRestoresDynacodesSharedGlobals() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("dynamic.test",
                "writer", "access", "shared_value = 'from writer'",
                "reader", "content", "ngx.say(shared_value)");
        try (DynacodeServer s = start(doc, "sandbox = false,")) {
            assertThat(s.get("dynamic.test", "/").bodyText()).isEqualTo("from writer\n");
        }
    }
}
