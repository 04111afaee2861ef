package io.jresty.server.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's allocation limit: a plugin that builds without bound fails alone, the server serves on. */
class PluginMemoryTest {
    private static final String HOG = "local t = {} local i = 0 while true do i = i + 1 t[i] = {i, 'v' .. i} end";
    private static final String UNDER = "local t = {} for i = 1, 100000 do t[i] = i end ngx.ctx.n = #t";

    @TempDir
    Path tmp;

    private DynacodeServer start(PluginDocuments doc, String extraSetup) throws Exception {
        return DynacodeServer.start(doc.json(), null, tmp.resolve("p.json"), extraSetup);
    }

    @Test
    void aPluginThatBuildsWithoutBoundFailsAloneWhileOthersAreServed() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled()
                .domain("hog.test",
                        "hog", "access", HOG,
                        "after", "content", "ngx.say('hog host served')")
                .domain("calm.test",
                        "calm", "content", "local t = {} for i = 1, 1000 do t[i] = i end ngx.say('calm ', #t)")
                // time enough that the allocation limit, not the clock, is what ends the hog
                .with("hog", "budget_ms", 10000).with("hog", "alloc_mb", 32);
        try (DynacodeServer s = start(doc, "")) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<RawHttp.Response>> hogs = new ArrayList<>();
                List<Future<RawHttp.Response>> calm = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    hogs.add(pool.submit(() -> s.get("hog.test", "/")));
                }
                for (int i = 0; i < 40; i++) {
                    calm.add(pool.submit(() -> s.get("calm.test", "/")));
                }
                for (Future<RawHttp.Response> f : calm) {
                    RawHttp.Response r = f.get();
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.bodyText()).isEqualTo("calm 1000\n");
                }
                for (Future<RawHttp.Response> f : hogs) {
                    RawHttp.Response r = f.get();
                    // fail open, as dynacode: the request goes on without the failed plugin
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.bodyText()).isEqualTo("hog host served\n");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.errorLog())
                    .contains("the execution of hog failed due to plugin hog exceeded its allocation limit of 32 MB"
                            + " (access phase)")
                    .contains("event rt_plugins_error hog");
            assertThat(s.get("calm.test", "/").bodyText()).isEqualTo("calm 1000\n");
        }
    }

    @Test
    void aPluginJustUnderItsLimitSucceedsAndTheSetupDefaultApplies() throws Exception {
        // the same build, about 4 MB charged: under the plugin's own 8 MB, over the setup's 2 MB
        PluginDocuments doc = PluginDocuments.enabled()
                .domain("under.test",
                        "build", "access", UNDER,
                        "show", "content", "ngx.say('built ', tostring(ngx.ctx.n))")
                .domain("over.test",
                        "build2", "access", UNDER,
                        "show2", "content", "ngx.say('built ', tostring(ngx.ctx.n))")
                .with("build", "alloc_mb", 8);
        try (DynacodeServer s = start(doc, "plugin_alloc_mb = 2,")) {
            assertThat(s.get("under.test", "/").bodyText()).isEqualTo("built 100000\n");
            assertThat(s.get("over.test", "/").bodyText()).isEqualTo("built nil\n");
            assertThat(s.errorLog()).contains("plugin build2 exceeded its allocation limit of 2 MB")
                    .doesNotContain("plugin build exceeded");
        }
    }

    @Test
    void theLimitFollowsTheFailPolicyAndCountsTowardQuarantine() throws Exception {
        PluginDocuments doc = PluginDocuments.enabled().domain("hog.test",
                        "hog", "access", HOG,
                        "after", "content", "ngx.say('never')")
                .with("hog", "budget_ms", 10000).with("hog", "alloc_mb", 16)
                .with("hog", "fail", "closed").with("hog", "fail_status", 503);
        try (DynacodeServer s = start(doc, "quarantine_after = 2,")) {
            assertThat(s.get("hog.test", "/").status()).isEqualTo(503);
            assertThat(s.get("hog.test", "/").status()).isEqualTo(503);
            assertThat(s.errorLog()).contains("plugin hog exceeded its allocation limit of 16 MB")
                    .contains("event rt_plugins_quarantined hog");
            // quarantined: the plugin no longer runs, the request is served
            assertThat(s.get("hog.test", "/").bodyText()).isEqualTo("never\n");
        }
    }
}
