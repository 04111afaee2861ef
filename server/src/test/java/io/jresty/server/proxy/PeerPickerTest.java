package io.jresty.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.http.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * hash and hash consistent pick the peers nginx 1.22 picks: the tables are nginx's $upstream_addr
 * for an upstream of four peers where only 127.0.0.1:18995 answers (recorded with that conf:
 * weights 1, 2, 1, 1 and max_fails=0), so each row is the whole walk past the refusing peers.
 */
class PeerPickerTest {
    private static final String[][] HASH = {
        {"a", "2 3 18995"}, {"b", "18995"}, {"c", "2 1 3 18995"}, {"d", "1 18995"}, {"e", "3 18995"},
        {"f", "3 2 18995"}, {"user-42", "2 3 1 18995"}, {"k1", "2 18995"}, {"k2", "2 1 3 18995"},
        {"k3", "1 18995"}, {"k6", "3 1 2 18995"}, {"k8", "2 3 18995"},
    };
    private static final String[][] CONSISTENT = {
        {"a", "2 3 18995"}, {"b", "18995"}, {"c", "18995"}, {"d", "2 1 3 18995"}, {"e", "2 3 1 18995"},
        {"f", "1 3 18995"}, {"user-42", "3 2 18995"}, {"k1", "3 18995"}, {"k3", "1 2 3 18995"},
        {"k4", "2 18995"}, {"k6", "1 18995"}, {"k8", "2 3 1 18995"}, {"k9", "2 1 3 18995"},
    };

    private static UpstreamGroup group(boolean consistent) {
        List<UpstreamServer> servers = List.of(
                new UpstreamServer("127.0.0.1", 1, 1, 0, 10_000, false, false),
                new UpstreamServer("127.0.0.1", 2, 2, 0, 10_000, false, false),
                new UpstreamServer("127.0.0.1", 18995, 1, 0, 10_000, false, false),
                new UpstreamServer("127.0.0.1", 3, 1, 0, 10_000, false, false));
        return new UpstreamGroup(new UpstreamBlock("backend", servers, 0, Template.parse("$arg_k"), consistent,
                false, null), () -> 0L);
    }

    /** The ports one request tries until the answering peer, as $upstream_addr lists them. */
    private static String walk(UpstreamGroup g, String key) {
        Set<PeerState> tried = new HashSet<>();
        PeerPicker.HashWalk walk = new PeerPicker.HashWalk();
        List<String> ports = new ArrayList<>();
        while (ports.size() < 10) {
            PeerState p = g.pick(tried, key, walk);
            ports.add(String.valueOf(p.server.port()));
            if (p.server.port() == 18995) {
                g.succeeded(p);
                break;
            }
            tried.add(p);
            g.failed(p);
        }
        return String.join(" ", ports);
    }

    @Test
    void hashWalksAsNginx() {
        UpstreamGroup g = group(false);
        for (String[] row : HASH) {
            assertThat(walk(g, row[0])).as("key " + row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void consistentHashWalksNginxsRing() {
        UpstreamGroup g = group(true);
        for (String[] row : CONSISTENT) {
            assertThat(walk(g, row[0])).as("key " + row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void anEmptyKeyFallsBackToRoundRobin() {
        // nginx: "2 1 18995" for an empty key (smooth round robin, the weight-2 peer first)
        assertThat(walk(group(true), "")).isEqualTo("2 1 18995");
        assertThat(walk(group(false), "")).isEqualTo("2 1 18995");
    }
}
