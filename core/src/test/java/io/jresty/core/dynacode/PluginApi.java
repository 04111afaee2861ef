package io.jresty.core.dynacode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real plugin API on 127.0.0.1 for tests: serves one document with an ETag and honours
 * If-None-Match; can be told to answer another status, to stall, or to serve garbage.
 */
final class PluginApi implements AutoCloseable {
    private final HttpServer server;
    private volatile byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    private volatile int status = 200;
    private volatile long stallMillis;
    private volatile boolean etags = true;
    private volatile String lastModified;
    private final AtomicInteger version = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

    PluginApi() throws IOException {
        this(null);
    }

    /** An https API when tls is given, plain http otherwise. */
    PluginApi(SSLContext tls) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/plugins.json", this::handle);
        server.start();
    }

    URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/plugins.json");
    }

    void serve(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
        version.incrementAndGet();
    }

    void status(int s) {
        status = s;
    }

    void stall(long millis) {
        stallMillis = millis;
    }

    void etags(boolean on) {
        etags = on;
    }

    /** Sends this Last-Modified and answers 304 to an equal If-Modified-Since. */
    void lastModified(String httpDate) {
        lastModified = httpDate;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        requestHeaders.add(Map.copyOf(ex.getRequestHeaders()));
        try {
            if (stallMillis > 0) {
                Thread.sleep(stallMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tag = "\"v" + version.get() + "\"";
        if (status != 200) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        if (etags) {
            ex.getResponseHeaders().add("ETag", tag);
            if (tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
        }
        if (lastModified != null) {
            ex.getResponseHeaders().add("Last-Modified", lastModified);
            if (lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
        }
        byte[] b = body;
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
