package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastGoodDocumentTest {
    @TempDir
    Path dir;
    private final Engines engines = new Engines();

    private static URI deadApi() throws Exception {
        try (PluginApi api = new PluginApi()) {
            return api.uri();
        }
    }

    @Test
    void theLastGoodDocumentIsServedWhenTheApiIsDownAtStart() throws Exception {
        Path saved = dir.resolve("state/plugins.json");
        try (PluginApi api = new PluginApi()) {
            api.serve(Documents.CLASSIC);
            engines.engine(DynacodeSettings.of(api.uri()).withPersistPath(saved)).pollNow();
        }
        assertThat(saved).hasContent(Documents.CLASSIC);
        assertThat(dir.resolve("state")).isDirectoryNotContaining("glob:**.tmp");

        Dynacode restarted = engines.engine(DynacodeSettings.of(deadApi()).withPersistPath(saved));
        engines.events.clear();
        assertThat(restarted.pollNow()).isTrue();

        assertThat(restarted.current()).isNotNull();
        assertThat(restarted.current().source()).isEqualTo("persisted:" + saved.toAbsolutePath());
        assertThat(restarted.current().pluginsFor("dynamic.local.com", "access")).extracting(Plugin::name)
                .containsExactly("auth", "everywhere");
        assertThat(engines.names()).startsWith("bg_fetch_api_generic_error", "bg_didnt_update_plugins")
                .endsWith("bg_updated_plugins");
    }

    @Test
    void theApiConfirmingThePersistedDocumentCostsNoDecodeNorCompile() throws Exception {
        Path saved = dir.resolve("plugins.json");
        Files.writeString(saved, Documents.CLASSIC);
        try (PluginApi api = new PluginApi()) {
            api.serve(Documents.CLASSIC);
            Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withPersistPath(saved));
            assertThat(d.loadPersisted()).isTrue();
            PluginSnapshot persisted = d.current();
            long compiles = d.counters().compiles();

            d.pollNow();

            assertThat(d.counters().decodes()).isZero();
            assertThat(d.counters().compiles()).isEqualTo(compiles);
            assertThat(d.current().source()).isEqualTo(api.uri().toString());
            assertThat(d.current().hash()).isEqualTo(persisted.hash());
            assertThat(d.current().pluginsFor("dynamic.local.com", "access"))
                    .isEqualTo(persisted.pluginsFor("dynamic.local.com", "access"));
        }
    }

    @Test
    void aCorruptPersistedFileIsIgnoredWithALogLine() throws Exception {
        Path saved = dir.resolve("plugins.json");
        Files.writeString(saved, "{\"domains\": [ {\"name\": \"trunc");
        Dynacode d = engines.engine(DynacodeSettings.of(deadApi()).withPersistPath(saved));

        d.pollNow();
        d.pollNow();

        assertThat(d.current()).isNull();
        assertThat(engines.logLines("ignoring the persisted plugin document " + saved.toAbsolutePath())).isEqualTo(1);
    }

    @Test
    void aRejectedDocumentIsNotPersisted() throws Exception {
        Path saved = dir.resolve("plugins.json");
        try (PluginApi api = new PluginApi()) {
            Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withPersistPath(saved));
            api.serve(Documents.CLASSIC);
            d.pollNow();
            api.serve("{\"domains\": 3}");
            d.pollNow();
        }
        assertThat(saved).hasContent(Documents.CLASSIC);
    }

    @Test
    void fileUriDocumentsAreReadAndRecognisedWhenUnchanged() throws Exception {
        Path doc = dir.resolve("plugins.json");
        Files.writeString(doc, Documents.CLASSIC);
        Dynacode d = engines.engine(doc.toUri());

        assertThat(d.pollNow()).isTrue();
        assertThat(d.pollNow()).isFalse();
        assertThat(d.current().source()).isEqualTo(doc.toUri().toString());
        assertThat(d.counters().decodes()).isEqualTo(1);

        Files.writeString(doc, Documents.ROADMAP);
        assertThat(d.pollNow()).isTrue();
        assertThat(d.current().pluginsFor("other.local.com", "header_filter")).hasSize(1);

        Files.delete(doc);
        d.pollNow();
        assertThat(engines.events).contains(new DynacodeEvent.FetchGenericError("no such file"));
        assertThat(d.current().pluginsFor("other.local.com", "header_filter")).hasSize(1);
    }
}
