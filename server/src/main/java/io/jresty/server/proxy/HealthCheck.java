package io.jresty.server.proxy;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Active health checks of one upstream: every interval, an HTTP GET of the probe path to each
 * peer; {@code fall} failures in a row take a peer out, {@code rise} successes bring it back
 * (the model of lua-resty-upstream-healthcheck, with its log lines). Runs on its own virtual
 * thread until closed.
 */
final class HealthCheck implements AutoCloseable {
    /** The probe settings. valid: statuses that count as healthy (empty = 200-399). */
    record Settings(String path, long interval, long timeout, int rise, int fall, Set<Integer> valid) {}

    private final UpstreamGroup group;
    private final Settings settings;
    private final ErrorLog log;
    private final Thread thread;
    private volatile boolean closed;

    HealthCheck(UpstreamGroup group, Settings settings, ErrorLog log) {
        this.group = group;
        this.settings = settings;
        this.log = log;
        this.thread = Thread.ofVirtual().name("healthcheck-" + group.name).unstarted(this::loop);
    }

    Settings settings() {
        return settings;
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            for (PeerState p : group.peers()) {
                if (closed) {
                    return;
                }
                String error = probe(p);
                if (group.checked(p, error == null, error, settings.rise(), settings.fall())) {
                    log.log(LogLevel.WARN, p.healthy
                            ? "healthcheck: peer " + p.name() + " is turned up after " + settings.rise()
                                    + " success(es)"
                            : "healthcheck: peer " + p.name() + " is turned down after " + settings.fall()
                                    + " failure(s)" + (error == null ? "" : ": " + error));
                }
            }
            try {
                Thread.sleep(settings.interval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Null when the peer answered a valid status, else what went wrong. */
    private String probe(PeerState p) {
        try (UpstreamConnection c = UpstreamConnection.open(p.address, settings.timeout())) {
            c.readTimeout(settings.timeout());
            OutputStream out = c.out();
            out.write(("GET " + settings.path() + " HTTP/1.0\r\nHost: " + p.server.host()
                    + "\r\nUser-Agent: jresty-healthcheck\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int status = ResponseHead.read(c.in()).status();
            boolean ok = settings.valid().isEmpty() ? status >= 200 && status < 400 : settings.valid().contains(status);
            return ok ? null : "bad status code " + status;
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
