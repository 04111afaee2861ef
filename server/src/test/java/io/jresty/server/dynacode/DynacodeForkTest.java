package io.jresty.server.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * setup() runs once, in init_by_lua, and each of the two workers then has a controller of its
 * own, as each nginx worker has its copy of the master's: plugins run in that worker's state
 * and its listeners hear the engine's events.
 */
class DynacodeForkTest {
    private static final Pattern CALL = Pattern.compile("worker (\\d+) call (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void eachWorkerRunsPluginsInItsOwnState() throws Exception {
        String counting = PluginDocuments.enabled().domain("count.test",
                "counter", "content", "calls = (calls or 0) + 1; ngx.say('worker ', ngx.worker.id(), ' call ', calls)")
                .json();
        try (DynacodeServer s = DynacodeServer.start(counting, null, tmp.resolve("p.json"))) {
            Map<String, List<Integer>> calls = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                Matcher m = CALL.matcher(s.get("count.test", "/").bodyText());
                assertThat(m.find()).isTrue();
                calls.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
            }
            // one state for both workers would number the calls across them: 1, 2, 3 ... 8
            calls.values().forEach(seen -> assertThat(seen).isEqualTo(countTo(seen.size())));
            assertThat(calls.keySet()).containsExactlyInAnyOrder("0", "1");
        }
    }

    @Test
    void listenersSetAtInitHearEventsInEveryWorker() throws Exception {
        try (DynacodeServer s = DynacodeServer.start(PluginDocuments.threePlugins("v1"), null, tmp.resolve("p.json"))) {
            int before = count(s.errorLog(), "event bg_didnt_update_plugins");
            s.publish("{ this is not json");
            assertThat(s.poll()).isEqualTo("false");
            // the poll tells every worker: the listener registered at init runs once in each
            for (int i = 0; i < 40 && count(s.errorLog(), "event bg_didnt_update_plugins") - before < 2; i++) {
                Thread.sleep(50);
            }
            assertThat(count(s.errorLog(), "event bg_didnt_update_plugins") - before).isEqualTo(2);
        }
    }

    private static List<Integer> countTo(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(i);
        }
        return list;
    }

    private static int count(String log, String line) {
        int n = 0;
        for (int at = log.indexOf(line); at >= 0; at = log.indexOf(line, at + 1)) {
            n++;
        }
        return n;
    }
}
