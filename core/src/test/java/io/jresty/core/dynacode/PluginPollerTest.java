package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPollerTest {
    @TempDir
    Path dir;
    private final Engines engines = new Engines();

    /** Waits for something the background thread does; fails after a generous deadline. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void pollAtInitFetchesRightAwayThenEveryIntervalUntilClosed() throws Exception {
        try (PluginApi api = new PluginApi()) {
            api.serve(Documents.CLASSIC);
            Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withPollAtInit(true)
                    .withPollingInterval(Duration.ofMillis(20)).withMaxJitter(Duration.ofMillis(5)));

            d.start();
            await(() -> d.counters().fetches() >= 3);
            d.close();
            // a fetch interrupted by close may still reach the API: let it land before counting
            Thread.sleep(50);
            long fetches = api.requests.get();

            assertThat(d.current()).isNotNull();
            assertThat(d.counters().decodes()).isEqualTo(1);
            // polling every 20 ms would have made about five more requests by now
            Thread.sleep(100);
            assertThat(api.requests.get()).isEqualTo(fetches);
        }
    }

    @Test
    void withoutPollAtInitThePersistedDocumentIsServedUntilTheFirstPoll() throws Exception {
        Path saved = dir.resolve("plugins.json");
        Files.writeString(saved, Documents.CLASSIC);
        try (PluginApi api = new PluginApi()) {
            Dynacode d = engines.engine(DynacodeSettings.of(api.uri()).withPersistPath(saved)
                    .withPollingInterval(Duration.ofHours(1)));

            d.start();
            await(() -> d.current() != null);
            d.close();

            assertThat(d.current().source()).startsWith("persisted:");
            assertThat(api.requests.get()).isZero();
        }
    }
}
