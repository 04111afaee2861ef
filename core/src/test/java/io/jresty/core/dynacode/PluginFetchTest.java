package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginFetchTest {
    private final PluginApi api;
    private final Engines engines = new Engines();

    PluginFetchTest() throws Exception {
        api = new PluginApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aNewDocumentIsInstalledWithDynacodesEventSequence() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());

        assertThat(d.current()).isNull();
        assertThat(d.pollNow()).isTrue();

        assertThat(engines.names()).containsExactly("bg_fetch_api_success", "bg_cache_miss",
                "bg_compile_success", "bg_compile_success", "bg_compile_success", "bg_compile_success",
                "bg_updated_plugins");
        assertThat(d.current().source()).isEqualTo(api.uri().toString());
        assertThat(d.current().pluginsFor("dynamic.local.com", "content")).extracting(Plugin::name)
                .containsExactly("dynamic content");
    }

    @Test
    void anUnchangedDocumentCostsA304AndIsNeitherDecodedNorCompiledAgain() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        PluginSnapshot first = d.current();
        DynacodeCounters before = d.counters();
        engines.drain();

        assertThat(d.pollNow()).isFalse();

        DynacodeCounters after = d.counters();
        assertThat(api.notModified.get()).isEqualTo(1);
        assertThat(api.requestHeaders.get(1).get("If-none-match")).containsExactly("\"v1\"");
        assertThat(after.notModified()).isEqualTo(1);
        assertThat(after.decodes()).isEqualTo(before.decodes()).isEqualTo(1);
        assertThat(after.compiles()).isEqualTo(before.compiles()).isEqualTo(4);
        assertThat(d.current()).isSameAs(first);
        assertThat(engines.drain()).containsExactly("bg_fetch_api_success", "bg_cache_hit");
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() throws Exception {
        api.etags(false);
        api.lastModified("Mon, 23 Nov 2026 10:00:00 GMT");
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();

        d.pollNow();

        assertThat(api.requestHeaders.get(1).get("If-modified-since")).containsExactly("Mon, 23 Nov 2026 10:00:00 GMT");
        assertThat(api.notModified.get()).isEqualTo(1);
        assertThat(d.counters().notModified()).isEqualTo(1);
        assertThat(d.counters().decodes()).isEqualTo(1);
    }

    @Test
    void withoutValidatorsTheSameBytesAreRecognisedByTheirHash() throws Exception {
        api.etags(false);
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        PluginSnapshot first = d.current();

        d.pollNow();
        d.pollNow();

        assertThat(d.counters().fetches()).isEqualTo(3);
        assertThat(d.counters().decodes()).isEqualTo(1);
        assertThat(d.counters().compiles()).isEqualTo(4);
        assertThat(d.current()).isSameAs(first);
    }

    @Test
    void aChangedDocumentRecompilesOnlyTheChangedPlugins() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();

        api.serve(Documents.CLASSIC.replace("ngx.say('hello')", "ngx.say('bonjour')"));
        assertThat(d.pollNow()).isTrue();

        assertThat(d.counters().decodes()).isEqualTo(2);
        assertThat(d.counters().compiles()).isEqualTo(5);
        assertThat(d.counters().compileReuses()).isEqualTo(3);
        assertThat(d.current().pluginsFor("dynamic.local.com", "content").get(0).spec().code())
                .isEqualTo("ngx.say('bonjour')");
    }

    @Test
    void aStructuralErrorKeepsTheLastGoodSnapshotAndIsNotDecodedTwice() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        PluginSnapshot good = d.current();
        engines.events.clear();

        api.serve("{\"general\":{\"status\":\"enabled\"},\"domains\":[{\"name\":\"x\"}]}");
        assertThat(d.pollNow()).isFalse();

        assertThat(d.current()).isSameAs(good);
        assertThat(engines.names()).containsExactly("bg_fetch_api_success", "bg_cache_miss", "on_error",
                "bg_didnt_update_plugins");
        DynacodeEvent.OnError err = (DynacodeEvent.OnError) engines.events.get(2);
        assertThat(err.section()).isEqualTo("poll");
        assertThat(err.err()).isEqualTo("domain x has no \"plugins\" array");
        engines.events.clear();

        d.pollNow();
        assertThat(d.counters().decodes()).isEqualTo(2);
        assertThat(engines.names()).containsExactly("bg_fetch_api_success", "bg_didnt_update_plugins");
    }

    @Test
    void garbageKeepsTheLastGoodSnapshot() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        PluginSnapshot good = d.current();
        engines.events.clear();

        api.serve("<html>oops</html>");
        d.pollNow();

        assertThat(d.current()).isSameAs(good);
        assertThat(engines.names()).containsExactly("bg_fetch_api_success", "bg_cache_miss", "bg_didnt_update_plugins");
        assertThat(engines.logLines("the api response was invalid")).isEqualTo(1);
    }

    @Test
    void aServerErrorKeepsTheLastGoodSnapshot() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        PluginSnapshot good = d.current();
        engines.events.clear();

        api.status(503);
        d.pollNow();

        assertThat(d.current()).isSameAs(good);
        assertThat(engines.events).first().isEqualTo(new DynacodeEvent.FetchStatusCodeError(503));
        assertThat(engines.names()).containsExactly("bg_fetch_api_status_code_error", "bg_didnt_update_plugins");
        assertThat(d.counters().lastError()).isEqualTo("there was an error while fetching " + api.uri()
                + " status code 503");
    }

    @Test
    void aTimeoutKeepsTheLastGoodSnapshot() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withTimeout(Duration.ofMillis(300)));
        d.pollNow();
        PluginSnapshot good = d.current();
        engines.events.clear();

        api.stall(1500);
        d.pollNow();

        assertThat(d.current()).isSameAs(good);
        assertThat(engines.events).first().isEqualTo(new DynacodeEvent.FetchGenericError("timeout"));
        assertThat(engines.names()).containsExactly("bg_fetch_api_generic_error", "bg_didnt_update_plugins");
    }

    @Test
    void aFailureStreakIsLoggedOnceAndItsEndOnce() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        api.status(500);

        d.pollNow();
        d.pollNow();
        d.pollNow();

        assertThat(engines.logLines("it was not possible to request due to there was an error while fetching "
                + api.uri() + " status code 500")).isEqualTo(1);
        assertThat(d.counters().failureStreak()).isEqualTo(3);
        assertThat(engines.names()).filteredOn("bg_fetch_api_status_code_error"::equals).hasSize(3);

        api.status(200);
        d.pollNow();
        d.pollNow();

        assertThat(engines.logLines("is reachable again after 3 failed polls")).isEqualTo(1);
        assertThat(d.counters().failureStreak()).isZero();
    }

    @Test
    void aListenerThatThrowsIsLoggedAndDoesNotStopTheUpdate() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(api.uri());
        d.events().on(e -> {
            throw new IllegalStateException("metrics are down");
        });

        assertThat(d.pollNow()).isTrue();

        assertThat(d.current()).isNotNull();
        assertThat(engines.names()).endsWith("bg_updated_plugins");
        assertThat(engines.logLines("the listener of bg_updated_plugins failed: metrics are down")).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsAGenericError() throws Exception {
        var uri = api.uri();
        api.close();
        Dynacode d = engines.engine(uri);

        d.pollNow();

        assertThat(d.current()).isNull();
        assertThat(engines.events).first().isEqualTo(new DynacodeEvent.FetchGenericError("connection refused"));
    }

    @Test
    void extraRequestHeadersAreSent() throws Exception {
        api.serve(Documents.CLASSIC);
        Dynacode d = engines.engine(DynacodeSettings.of(api.uri())
                .withRequestHeaders(Map.of("Authorization", "Bearer s3cret")));

        d.pollNow();

        assertThat(api.requestHeaders.get(0).get("Authorization")).containsExactly("Bearer s3cret");
    }

    @Test
    void theStatusJsonShowsTheDocumentFetchesAndPluginCounters() throws Exception {
        api.serve(Documents.CLASSIC.replace("ngx.say('hello')", "ngx.say("));
        Dynacode d = engines.engine(api.uri());
        d.pollNow();
        d.current().pluginsFor("dynamic.local.com", "access").get(0).stats().record(2_000_000, true);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.statusJson());

        assertThat(json.at("/document/hash").asText()).isEqualTo(d.current().hash()).hasSize(64);
        assertThat(json.at("/document/source").asText()).isEqualTo(api.uri().toString());
        assertThat(json.at("/fetch/decodes").asLong()).isEqualTo(1);
        assertThat(json.at("/fetch/last_outcome").asText()).isEqualTo("bg_fetch_api_success");
        assertThat(json.at("/plugins/1/name").asText()).isEqualTo("auth");
        assertThat(json.at("/plugins/1/runs").asLong()).isEqualTo(1);
        assertThat(json.at("/plugins/1/errors").asLong()).isEqualTo(1);
        assertThat(json.at("/plugins/1/total_ms").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/compile_errors/0/name").asText()).isEqualTo("dynamic content");
    }
}
