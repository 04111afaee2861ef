package io.jresty.server.undertow;

import io.jresty.server.testing.NginxReference;
import io.jresty.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The servers a raw-socket test runs against: jresty always, and nginx + lua-nginx-module too
 * with -Djresty.reference=true, so a case that a .t block cannot express is still proved on
 * the reference.
 */
final class Targets {
    private Targets() {}

    /** A server under test, started from server-level conf text. */
    interface Target extends AutoCloseable {
        int port();

        String errorLog() throws Exception;
    }

    /** "jresty", and "nginx" in reference mode where nginx is installed. */
    static Stream<String> names() {
        List<String> targets = new ArrayList<>(List.of("jresty"));
        if (Boolean.getBoolean("jresty.reference") && NginxReference.available()) {
            targets.add("nginx");
        }
        return targets.stream();
    }

    static Target start(String target, String httpConfig, String server) throws Exception {
        String conf = TestServer.serverConf(null, httpConfig, server);
        if (target.equals("nginx")) {
            NginxReference nginx = NginxReference.start(conf, Map.of());
            return new Target() {
                public int port() {
                    return nginx.port();
                }

                public String errorLog() throws Exception {
                    return nginx.errorLog();
                }

                public void close() throws Exception {
                    nginx.close();
                }
            };
        }
        TestServer jresty = TestServer.start(conf);
        return new Target() {
            public int port() {
                return jresty.port();
            }

            public String errorLog() {
                return jresty.errorLog();
            }

            public void close() {
                jresty.close();
            }
        };
    }
}
