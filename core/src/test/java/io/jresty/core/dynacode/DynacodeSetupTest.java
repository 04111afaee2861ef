package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynacodeSetupTest {

    @Test
    void theReadmeOptionsGiveDynacodesMeaning() {
        DynacodeSettings s = DynacodeSetup.read(Map.of(
                "plugin_api_uri", "http://127.0.0.1:9090/response.json",
                "plugin_api_polling_interval", 15,
                "plugin_api_poll_at_init", true,
                "workers_max_jitter", 5,
                "shm", "cache_dict"));

        assertThat(s.pluginApiUri()).isEqualTo(URI.create("http://127.0.0.1:9090/response.json"));
        assertThat(s.pollingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxJitter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.pollAtInit()).isTrue();
        assertThat(s.persistPath()).isNull();
    }

    @Test
    void defaultsAreDynacodesAndOurExtrasAreRead() {
        DynacodeSettings s = DynacodeSetup.read(Map.of(
                "plugin_api_uri", "file:///srv/plugins.json",
                "plugin_api_timeout", 0.25,
                "plugin_api_headers", Map.of("Authorization", "Bearer x"),
                "persist_path", "/var/lib/jresty/plugins.json"));

        assertThat(s.pollingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.maxJitter()).isZero();
        assertThat(s.pollAtInit()).isFalse();
        assertThat(s.requestHeaders()).containsEntry("Authorization", "Bearer x");
        assertThat(s.persistPath()).isEqualTo(Path.of("/var/lib/jresty/plugins.json"));
    }

    @Test
    void invalidOptionsFailWithDynacodesWords() {
        assertThatThrownBy(() -> DynacodeSetup.read(Map.of("shm", "cache_dict")))
                .hasMessage("the property plugin_api_uri must be a string");
        assertThatThrownBy(() -> DynacodeSetup.read(Map.of("plugin_api_uri", "http://a/", "plugin_api_timeout", "5")))
                .hasMessage("the property plugin_api_timeout must be a number");
        assertThatThrownBy(() -> DynacodeSetup.read(Map.of("plugin_api_uri", "http://a/",
                "plugin_api_polling_interval", 0)))
                .hasMessage("the property plugin_api_polling_interval must be a positive number");
        assertThatThrownBy(() -> DynacodeSetup.read(Map.of("plugin_api_uri", "ftp://a/")))
                .hasMessageContaining("must be an http, https or file URI");
    }
}
