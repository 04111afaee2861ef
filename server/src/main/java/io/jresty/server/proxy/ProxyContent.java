package io.jresty.server.proxy;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.balancer.BalancerState;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.log.RequestSuffix;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.LocationBlock;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.worker.WorkerPool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The content handler of a location with proxy_pass: picks a peer, sends the request, and on
 * error, timeout or a status listed in proxy_next_upstream tries the next peer; then hands the
 * upstream's status and headers to the request (so header_filter_by_lua sees them) and writes
 * the body chunk by chunk through the output filters (so body_filter_by_lua runs per chunk).
 * All upstream I/O blocks the request's virtual thread, never a worker's Lua lock.
 */
public final class ProxyContent {
    private static final Set<String> NON_IDEMPOTENT = Set.of("POST", "LOCK", "PATCH");

    private final Upstreams upstreams;
    private final BalancerRunner balancer;
    private final ErrorLog log;

    public ProxyContent(HttpBlock http, WorkerPool pool, ErrorLog log) {
        this.log = log;
        var env = pool.environment();
        this.upstreams = env.service(Upstreams.class,
                () -> new Upstreams(http.upstreams(), () -> env.clock().millis(), log));
        this.balancer = new BalancerRunner(pool, log);
        UpstreamModule.install(pool, upstreams);
    }

    /** Whether the location's content is proxied. */
    public static boolean proxies(LocationBlock location) {
        return location != null && location.settings().proxy() != null && location.settings().proxy().pass() != null;
    }

    /** Serves r from an upstream; returns 0 when the response is in r, else the status nginx finishes with. */
    public int serve(LuaWorker worker, HttpRequestState r) {
        ProxyConf conf = r.location().settings().proxy();
        Function<String, String> vars = name -> UpstreamVariables.NAMES.contains(name)
                ? UpstreamVariables.value(r, name) : r.variable(name);
        ProxyPass pass = conf.pass();
        if (pass.hasVariables()) {
            try {
                pass = ProxyPass.of(pass.template(), pass.template().expand(vars));
            } catch (IllegalArgumentException e) {
                log.log(LogLevel.ERR, r.connectionId(), e.getMessage(), RequestSuffix.of(r));
                return 500;
            }
        }
        UpstreamGroup group = upstreams.of(pass);
        UpstreamVariables state = UpstreamVariables.of(r);
        state.proxyHost = pass.proxyHost();
        state.proxyPort = String.valueOf(pass.port());
        LocationBlock loc = r.location();
        boolean prefix = loc.modifier() == LocationBlock.Modifier.PREFIX
                || loc.modifier() == LocationBlock.Modifier.PREFERRED_PREFIX
                || loc.modifier() == LocationBlock.Modifier.EXACT;
        String uri = UpstreamRequest.uri(r, pass, loc.pattern(), prefix);
        boolean hasBody = r.requestHeader("Content-Length") != null || r.requestHeader("Transfer-Encoding") != null;
        byte[] body = conf.passRequestBody() && (hasBody || r.bodyRead()) ? body(r) : null;
        UpstreamRequest.Head head = UpstreamRequest.build(r, conf, uri, body, declaredLength(r, conf, hasBody), vars);
        UpstreamTls tls = null;
        if (pass.https()) {
            tls = UpstreamTls.of(conf.ssl(), conf.ssl().name() != null ? conf.ssl().name().expand(vars) : pass.host());
        }
        return new Tries(r, worker, conf, group, head, body, vars, pass, uri, tls).run();
    }

    /** The tries of one request. */
    private final class Tries {
        private final HttpRequestState r;
        private final LuaWorker worker;
        private final ProxyConf conf;
        private final UpstreamGroup group;
        private final UpstreamRequest.Head head;
        private final byte[] body;
        private final Function<String, String> vars;
        private final ProxyPass pass;
        private final String uri;
        private final UpstreamTls tls;
        private final Set<PeerState> tried = new HashSet<>();
        private final PeerPicker.HashWalk walk = new PeerPicker.HashWalk();
        private int left;

        Tries(HttpRequestState r, LuaWorker worker, ProxyConf conf, UpstreamGroup group, UpstreamRequest.Head head,
                byte[] body, Function<String, String> vars, ProxyPass pass, String uri, UpstreamTls tls) {
            this.r = r;
            this.worker = worker;
            this.conf = conf;
            this.group = group;
            this.head = head;
            this.body = body;
            this.vars = vars;
            this.pass = pass;
            this.uri = uri;
            this.tls = tls;
            this.left = group.tries();
        }

        int run() {
            UpstreamVariables v = UpstreamVariables.of(r);
            String hashKey = group.block.hash() == null ? null : group.block.hash().expand(vars);
            int limit = conf.nextUpstreamTries();
            int used = 0;
            while (true) {
                PeerState peer = null;
                InetSocketAddress address;
                Attempt.Timeouts timeouts = new Attempt.Timeouts(conf.connectTimeout(), conf.sendTimeout(),
                        conf.readTimeout());
                if (group.block.balancer() != null) {
                    BalancerState b = BalancerState.of(r);
                    b.beforeTry(limit);
                    if (!balancer.run(worker, r, group.block.balancer())) {
                        return 500;
                    }
                    left += b.moreTries();
                    timeouts = new Attempt.Timeouts(pick(b.connectTimeout(), timeouts.connect()),
                            pick(b.sendTimeout(), timeouts.send()), pick(b.readTimeout(), timeouts.read()));
                    address = b.host() == null ? null : new InetSocketAddress(b.host(), b.port());
                    if (address == null) {
                        peer = group.pick(tried, hashKey, walk);
                        address = peer == null ? null : peer.address;
                    }
                } else {
                    peer = group.pick(tried, hashKey, walk);
                    address = peer == null ? null : peer.address;
                }
                if (address == null) {
                    error("no live upstreams while connecting to upstream", url(group.name));
                    v.tried(group.name, "502", 0, -1);
                    return 502;
                }
                if (peer != null) {
                    tried.add(peer);
                }
                used++;
                left--;
                String addr = address.isUnresolved() ? address.getHostString() + ":" + address.getPort()
                        : address.getAddress().getHostAddress() + ":" + address.getPort();
                long start = System.nanoTime();
                KeepalivePool.Key key = new KeepalivePool.Key(address, tls);
                Attempt.Result result = Attempt.run(key, group.pool, group.now(), head, body, timeouts);
                long millis = (System.nanoTime() - start) / 1_000_000;
                boolean canRetry = left > 0 && (limit == 0 || used < limit);
                switch (result) {
                    case Attempt.Failure f -> {
                        error(f.message(), url(addr));
                        // no header came: its time is "-", as nginx prints it
                        v.tried(addr, f.timeout() ? "504" : "502", millis, -1);
                        if (peer != null) {
                            group.failed(peer);
                        }
                        lastFailure("failed", f.timeout() ? 504 : 502);
                        // nginx does not send a POST, LOCK or PATCH twice unless told non_idempotent
                        boolean idempotent = !f.sent() || !NON_IDEMPOTENT.contains(r.method())
                                || conf.nextUpstream().contains(ProxyConf.NextUpstream.NON_IDEMPOTENT);
                        if (canRetry && idempotent && conf.nextUpstream().contains(f.kind())) {
                            continue;
                        }
                        return f.timeout() ? 504 : 502;
                    }
                    case Attempt.Response resp -> {
                        int status = resp.head().status();
                        boolean again = !NON_IDEMPOTENT.contains(r.method())
                                || conf.nextUpstream().contains(ProxyConf.NextUpstream.NON_IDEMPOTENT);
                        if (canRetry && again && conf.retriesStatus(status)) {
                            resp.connection().close();
                            v.tried(addr, String.valueOf(status), millis, millis);
                            boolean counts = status != 403 && status != 404;
                            if (peer != null) {
                                if (counts) {
                                    group.failed(peer);
                                } else {
                                    group.succeeded(peer);
                                }
                            }
                            lastFailure(counts ? "failed" : "next", status);
                            continue;
                        }
                        if (peer != null) {
                            group.succeeded(peer);
                        }
                        return respond(resp, key, addr, start, millis);
                    }
                }
            }
        }

        /** What ngx.balancer.get_last_failure() tells the next run of balancer_by_lua. */
        private void lastFailure(String state, int status) {
            if (group.block.balancer() != null) {
                BalancerState.of(r).failure(state, status);
            }
        }

        /** The upstream URL of the error log's "upstream:" field. */
        private String url(String authority) {
            return pass.scheme() + "://" + authority + uri;
        }

        private int respond(Attempt.Response resp, KeepalivePool.Key key, String addr, long start,
                long headerMillis) {
            ResponseHead h = resp.head();
            UpstreamConnection c = resp.connection();
            UpstreamVariables v = UpstreamVariables.of(r);
            if (conf.interceptErrors() && h.status() >= 300
                    && r.location().settings().errorPages().containsKey(h.status())) {
                c.close();
                v.tried(addr, String.valueOf(h.status()), headerMillis, headerMillis);
                return h.status();
            }
            if (AccelRedirect.follow(r, conf, h)) {
                c.close();
                v.tried(addr, String.valueOf(h.status()), headerMillis, headerMillis);
                return 0;
            }
            r.status(h.status());
            ResponseHeaderCopy.copy(r, conf, pass, h, vars);
            boolean buffering = ResponseHeaderCopy.buffering(conf, h);
            // recorded before the first write: header_filter_by_lua reads $upstream_status (and, as in nginx,
            // "-" for the response time of this try until its body is read)
            v.tried(addr, String.valueOf(h.status()), -1, headerMillis);
            ResponseBody b = new ResponseBody(c.in(), h, r.method().equals("HEAD"));
            try {
                for (byte[] chunk = b.next(); chunk != null; chunk = b.next()) {
                    r.write(chunk);
                    if (!buffering) {
                        // proxy_buffering off: each piece goes to the client as it comes, and a slow
                        // client slows the upstream read as in nginx (no queue grows behind it)
                        r.flush(true);
                    }
                }
            } catch (IOException e) {
                c.close();
                v.finished((System.nanoTime() - start) / 1_000_000);
                String message = e instanceof java.net.SocketTimeoutException
                        ? "upstream timed out (110: Connection timed out) while reading upstream"
                        : "upstream prematurely closed connection while "
                                + (buffering ? "reading upstream" : "sending to client");
                error(message, url(addr));
                // the head already went to the filters: as nginx, what came so far goes out, then the client
                // connection is cut (the client sees a body shorter than announced, or no last chunk)
                try {
                    r.flush(true);
                } catch (RuntimeException gone) {
                    // the client left too: nothing more to send
                }
                return 444;
            }
            v.finished((System.nanoTime() - start) / 1_000_000);
            String connection = h.header("Connection");
            boolean keep = head.keepalive() && b.complete()
                    && (h.http11() ? connection == null || !connection.equalsIgnoreCase("close")
                            : connection != null && connection.equalsIgnoreCase("keep-alive"));
            if (keep) {
                group.pool.put(key, c, group.now());
            } else {
                c.close();
            }
            r.eof();
            return 0;
        }

        private void error(String message, String upstream) {
            String suffix = RequestSuffix.of(r);
            int host = suffix.indexOf(", host: ");
            String up = ", upstream: \"" + upstream + "\"";
            suffix = host < 0 ? suffix + up : suffix.substring(0, host) + up + suffix.substring(host);
            log.log(LogLevel.ERR, r.connectionId(), message, suffix);
        }
    }

    /** The request body, from memory or from its temp file (past client_body_buffer_size). */
    private static byte[] body(HttpRequestState r) {
        byte[] body = r.readBody();
        if (body == null && r.bodyFile() != null) {
            try {
                return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(r.bodyFile()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return body;
    }

    /**
     * The Content-Length nginx announces: the client's, even with proxy_pass_request_body off (which is why
     * its docs pair that with proxy_set_header Content-Length "").
     */
    private static String declaredLength(HttpRequestState r, ProxyConf conf, boolean hasBody) {
        return !conf.passRequestBody() && hasBody ? r.requestHeader("Content-Length") : null;
    }

    private static long pick(long fromLua, long conf) {
        return fromLua >= 0 ? fromLua : conf;
    }
}
