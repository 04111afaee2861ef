package io.jresty.server.dynacode;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dynacode deployment on jresty, end to end: conf, plugin API over HTTP, plugins in every phase. */
class DynacodeEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void theThreeExamplePluginsRunInTheirPhases() throws Exception {
        try (DynacodeServer s = DynacodeServer.start(PluginDocuments.threePlugins("hello"), null, tmp.resolve("p.json"))) {
            RawHttp.Response denied = s.get("dynamic.test", "/");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.header("Access-Control-Allow-Origin")).isEqualTo("*");

            RawHttp.Response ok = s.get("dynamic.test", "/?token=token");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.bodyText()).isEqualTo("hello\n");
            assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(ok.header("Set-Cookie")).isEqualTo("superstition=token");

            RawHttp.Response cookie = s.get("dynamic.test", "/", "Cookie: superstition=token\r\n");
            assertThat(cookie.status()).isEqualTo(200);

            RawHttp.Response other = s.get("other.test", "/?token=token");
            assertThat(other.bodyText()).isEmpty();
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void aChangedDocumentIsPickedUpAndAnUnchangedOneIsNotCompiledAgain() throws Exception {
        try (DynacodeServer s = DynacodeServer.start(PluginDocuments.threePlugins("v1"), null, tmp.resolve("p.json"))) {
            assertThat(s.get("dynamic.test", "/?token=token").bodyText()).isEqualTo("v1\n");
            long compiles = counter(s.status(), "compiles");

            assertThat(s.poll()).isEqualTo("false");
            assertThat(counter(s.status(), "compiles")).isEqualTo(compiles);

            // a different size: nginx's ETag and Last-Modified have one-second resolution
            s.publish(PluginDocuments.threePlugins("version 2"));
            assertThat(s.poll()).isEqualTo("true");
            assertThat(s.get("dynamic.test", "/?token=token").bodyText()).isEqualTo("version 2\n");
            // only the changed plugin was compiled again
            assertThat(counter(s.status(), "compiles")).isEqualTo(compiles + 1);
        }
    }

    @Test
    void garbageFromTheApiKeepsTheLastGoodPlugins() throws Exception {
        try (DynacodeServer s = DynacodeServer.start(PluginDocuments.threePlugins("good"), null, tmp.resolve("p.json"))) {
            s.publish("{ this is not json");
            assertThat(s.poll()).isEqualTo("false");
            assertThat(s.get("dynamic.test", "/?token=token").bodyText()).isEqualTo("good\n");
            s.publish("{\"general\": {\"status\": \"enabled\"}}");
            assertThat(s.poll()).isEqualTo("false");
            assertThat(s.get("dynamic.test", "/?token=token").bodyText()).isEqualTo("good\n");
            assertThat(s.errorLog()).contains("event bg_didnt_update_plugins");
        }
    }

    @Test
    void aPluginThatDoesNotCompileIsSkippedAndTheOthersRun() throws Exception {
        String doc = PluginDocuments.enabled().domain("dynamic.test",
                "broken", "access", "ngx.exit(",
                "hello", "content", "ngx.say('still here')").json();
        try (DynacodeServer s = DynacodeServer.start(doc, null, tmp.resolve("p.json"))) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("still here\n");
            assertThat(s.errorLog()).contains("event bg_compile_error broken");
        }
    }

    @Test
    void aRuntimeErrorIsLoggedWithPluginDomainAndPhaseAndTheRequestGoesOn() throws Exception {
        String doc = PluginDocuments.enabled().domain("dynamic.test",
                "crash", "access", "local t = nil\nreturn t.field",
                "hello", "content", "ngx.say('served')").json();
        try (DynacodeServer s = DynacodeServer.start(doc, null, tmp.resolve("p.json"))) {
            RawHttp.Response r = s.get("dynamic.test", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("served\n");
            assertThat(s.errorLog())
                    .contains("event rt_plugins_error crash")
                    .contains("the execution of crash failed due to")
                    .contains("domain=dynamic.test, phase=access");
        }
    }

    @Test
    void skipDomainsAndTheStarDomain() throws Exception {
        String doc = PluginDocuments.enabled("^skip\\.test$")
                .domain("*", "star", "header_filter", "ngx.header['X-Star'] = 'yes'")
                .domain("dynamic.test", "hello", "content", "ngx.say('dyn')").json();
        try (DynacodeServer s = DynacodeServer.start(doc, null, tmp.resolve("p.json"))) {
            RawHttp.Response dyn = s.get("dynamic.test", "/");
            assertThat(dyn.bodyText()).isEqualTo("dyn\n");
            assertThat(dyn.header("X-Star")).isEqualTo("yes");
            assertThat(s.get("anything.test", "/").header("X-Star")).isEqualTo("yes");
            assertThat(s.get("skip.test", "/").header("X-Star")).isNull();
            assertThat(s.get("xskip.test", "/").header("X-Star")).isEqualTo("yes");
        }
    }

    @Test
    void withTheApiDownAtStartThePersistedDocumentIsServed() throws Exception {
        Path persist = tmp.resolve("last-good.json");
        try (DynacodeServer s = DynacodeServer.start(PluginDocuments.threePlugins("persisted"), null, persist)) {
            assertThat(s.get("dynamic.test", "/?token=token").bodyText()).as(s.status() + "\n" + s.errorLog())
                    .isEqualTo("persisted\n");
        }
        assertThat(Files.exists(persist)).isTrue();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort + "/doc.json";
        try (DynacodeServer s = DynacodeServer.start(null, down, persist)) {
            RawHttp.Response r = s.get("dynamic.test", "/?token=token");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).as(s.status() + "\n" + s.errorLog()).isEqualTo("persisted\n");
            assertThat(s.status()).contains("connection refused");
        }
    }

    @Test
    void underLoadWhileTheDocumentFlipsNoRequestSeesAMix() throws Exception {
        try (DynacodeServer s = DynacodeServer.start(flip("A"), null, tmp.resolve("p.json"))) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            List<String> mixed = new java.util.concurrent.CopyOnWriteArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(clients.submit(() -> {
                    while (running.get()) {
                        RawHttp.Response r = s.get("dynamic.test", "/");
                        requests.incrementAndGet();
                        String body = r.bodyText().strip();
                        String header = r.header("X-Doc");
                        // access set ngx.ctx.doc, header_filter and content report theirs
                        if (!body.equals(header + "/" + header)) {
                            mixed.add("header " + header + " body " + body);
                        }
                    }
                    return null;
                }));
            }
            for (int flip = 0; flip < 20; flip++) {
                s.publish(flip("B".repeat(flip + 2)));
                s.poll();
            }
            running.set(false);
            for (Future<?> f : futures) {
                f.get();
            }
            clients.shutdown();
            assertThat(requests.get()).isGreaterThan(20);
            assertThat(mixed).isEmpty();
        }
    }

    /** A document whose plugins in three phases all say which document they belong to. */
    private static String flip(String doc) {
        return PluginDocuments.enabled().domain("dynamic.test",
                "mark", "access", "ngx.ctx.doc = '" + doc + "'",
                "header", "header_filter", "ngx.header['X-Doc'] = '" + doc + "'",
                "say", "content", "ngx.say(ngx.ctx.doc, '/', '" + doc + "')").json();
    }

    private static long counter(String statusJson, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(statusJson);
        assertThat(m.find()).as(name + " in " + statusJson).isTrue();
        return Long.parseLong(m.group(1));
    }
}
