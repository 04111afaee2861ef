package io.jresty.core.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PluginSwapTest {
    private static final List<String> PHASES = List.of("rewrite", "access", "content", "header_filter", "log");

    /** A document whose every plugin is named after the document's tag, one per phase. */
    private static String tagged(String tag) {
        StringBuilder plugins = new StringBuilder();
        for (String phase : PHASES) {
            if (!plugins.isEmpty()) {
                plugins.append(',');
            }
            plugins.append("{\"name\":\"%s-%s\",\"code\":\"v = '%s'\",\"phase\":\"%s\"}".formatted(tag, phase, tag, phase));
        }
        return "{\"general\":{\"status\":\"enabled\"},\"domains\":[{\"name\":\"*\",\"plugins\":[" + plugins + "]}]}";
    }

    @Test
    void aRequestThatTookOneSnapshotSeesOnlyThatDocumentWhileAnotherThreadSwaps() throws Exception {
        try (PluginApi api = new PluginApi()) {
            Engines engines = new Engines();
            Dynacode d = engines.engine(api.uri());
            api.serve(tagged("A"));
            d.pollNow();

            AtomicBoolean stop = new AtomicBoolean();
            List<String> mixed = new CopyOnWriteArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicLong requests = new AtomicLong();
            List<Thread> readers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        PluginSnapshot s = d.registry().current();   // once per request
                        String tag = null;
                        for (String phase : PHASES) {
                            List<Plugin> plugins = s.pluginsFor("req" + requests.get() % 50 + ".example", phase);
                            for (Plugin p : plugins) {
                                String t = p.name().substring(0, 1);
                                if (tag == null) {
                                    tag = t;
                                } else if (!tag.equals(t)) {
                                    mixed.add(p.name() + " after " + tag);
                                }
                            }
                        }
                        seen.add(tag);
                        requests.incrementAndGet();
                    }
                }));
            }
            for (int swap = 0; swap < 60; swap++) {
                api.serve(tagged(swap % 2 == 0 ? "B" : "A"));
                assertThat(d.pollNow()).isTrue();
            }
            stop.set(true);
            for (Thread t : readers) {
                t.join();
            }

            assertThat(mixed).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder("A", "B");
            assertThat(d.counters().swaps()).isEqualTo(61);
            assertThat(requests.get()).isPositive();
        }
    }
}
