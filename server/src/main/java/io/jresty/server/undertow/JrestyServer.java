package io.jresty.server.undertow;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.shdict.SharedDictZone;
import io.jresty.ngx.shdict.SharedDicts;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.ListenAddress;
import io.jresty.server.http.RewriteStep;
import io.jresty.server.http.ServerBlock;
import io.jresty.server.location.ServerSelector;
import io.jresty.server.pipeline.RequestPipeline;
import io.jresty.server.request.Variables;
import io.jresty.server.worker.ServerEnvironment;
import io.jresty.server.worker.WorkerPool;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;

/** A running jresty: the Lua workers, the pipeline and Undertow listening where the conf says. */
public final class JrestyServer implements AutoCloseable {
    private final HttpBlock http;
    private final ServerEnvironment env;
    private final WorkerPool pool;
    private final Undertow undertow;
    private final List<GracefulShutdownHandler> shutdownHandlers = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);

    private JrestyServer(HttpBlock http, ErrorLog log, Clock clock) {
        this.http = http;
        Map<String, SharedDictZone> zones = new LinkedHashMap<>();
        http.sharedDicts().forEach((name, size) -> zones.put(name, new SharedDictZone(name, size, clock)));
        this.env = new ServerEnvironment(http.prefix(), http.confFile(), clock, log, new SharedDicts(zones),
                http.workerProcesses());
        // registered before any Lua runs, so ngx.timer.* gets the conf's limits
        env.service(io.jresty.ngx.timer.TimerService.class,
                () -> new io.jresty.ngx.timer.TimerService(env, http.timers()));
        this.pool = new WorkerPool(http.workerProcesses(), http.packagePath(), env);
        // the pipeline installs modules (jresty.upstream) that init_by_lua may require
        RequestPipeline pipeline = new RequestPipeline(http, pool, log);
        // once, then copied into the other workers, as nginx's master runs it before forking
        pool.runInit(http.initByLua());
        Variables variables = new Variables(clock, declaredVariables(http));
        Undertow.Builder builder = Undertow.builder()
                // heap buffers: pooled direct ones piled up under load (7884 live 16 KB buffers for 32
                // connections, then OutOfMemoryError at -Xmx128m and 8k req/s); heap ones held the
                // same run at 38k req/s and 151 MB RSS (measured with wrk -t2 -c32, hello, 2 workers)
                .setByteBufferPool(new DefaultByteBufferPool(false, 16 * 1024, -1, 0))
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(4)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setSocketOption(Options.BACKLOG, 511);
        ListenerOptions.apply(builder, http);
        for (Map.Entry<String, List<ServerBlock>> socket : sockets(http).entrySet()) {
            List<ServerBlock> servers = socket.getValue();
            ListenAddress address = addressOf(socket.getKey(), servers);
            ServerSelector selector = new ServerSelector(servers, defaultServer(socket.getKey(), servers));
            GracefulShutdownHandler graceful = new GracefulShutdownHandler(new RequestLimits(http.client(), log,
                    new RequestHandler(selector, pipeline, variables, log, gate)));
            shutdownHandlers.add(graceful);
            builder.addHttpListener(address.port(), address.host() == null ? "0.0.0.0" : address.host(), graceful);
        }
        this.undertow = builder.build();
    }

    /** Starts serving: runs init_by_lua and init_worker_by_lua, then opens the listeners. */
    public static JrestyServer start(HttpBlock http, ErrorLog log, Clock clock) {
        for (String warning : http.warnings()) {
            log.log(LogLevel.WARN, warning);
        }
        JrestyServer server = new JrestyServer(http, log, clock);
        // listeners open first, as nginx's are before its workers start; requests wait at the
        // gate until every init_worker_by_lua has run (a poll at init may call this very server)
        server.undertow.start();
        // the recorder may hold a head read together with the start of a body or the next request
        HeadRecording.install(server.undertow, (int) Math.min(Integer.MAX_VALUE,
                http.client().headerBytes() * 2 + 64 * 1024), log);
        server.pool.runEverywhere(http.initWorkerByLua(), Phase.INIT_WORKER);
        server.gate.countDown();
        log.log(LogLevel.NOTICE, "jresty started, " + http.workerProcesses() + " worker(s)");
        return server;
    }

    /** The port actually bound by the first listener (tests listen on port 0 through a free port). */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
            ports.add(((InetSocketAddress) info.getAddress()).getPort());
        }
        return ports;
    }

    public WorkerPool workers() {
        return pool;
    }

    public ServerEnvironment environment() {
        return env;
    }

    /** Graceful stop: no new requests, in-flight ones finish (bounded wait), then the listeners close. */
    @Override
    public void close() {
        env.markExiting();
        for (GracefulShutdownHandler h : shutdownHandlers) {
            h.shutdown();
        }
        for (GracefulShutdownHandler h : shutdownHandlers) {
            try {
                h.awaitShutdown(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        undertow.stop();
        env.closeServices();
    }

    private static Map<String, List<ServerBlock>> sockets(HttpBlock http) {
        Map<String, List<ServerBlock>> bySocket = new LinkedHashMap<>();
        for (ServerBlock s : http.servers()) {
            for (ListenAddress l : s.listens()) {
                List<ServerBlock> list = bySocket.computeIfAbsent(l.socketKey(), k -> new ArrayList<>());
                if (!list.contains(s)) {
                    list.add(s);
                }
            }
        }
        return bySocket;
    }

    private static ListenAddress addressOf(String key, List<ServerBlock> servers) {
        for (ListenAddress l : servers.getFirst().listens()) {
            if (l.socketKey().equals(key)) {
                return l;
            }
        }
        throw new IllegalStateException("no listen for " + key);
    }

    private static ServerBlock defaultServer(String key, List<ServerBlock> servers) {
        for (ServerBlock s : servers) {
            for (ListenAddress l : s.listens()) {
                if (l.socketKey().equals(key) && l.defaultServer()) {
                    return s;
                }
            }
        }
        return servers.getFirst();
    }

    private static Set<String> declaredVariables(HttpBlock http) {
        Set<String> names = new HashSet<>();
        for (ServerBlock s : http.servers()) {
            collect(s.rewrites(), names);
            collectLocations(s.locations(), names);
        }
        return names;
    }

    private static void collectLocations(List<io.jresty.server.http.LocationBlock> locations, Set<String> names) {
        for (io.jresty.server.http.LocationBlock l : locations) {
            collect(l.rewrites(), names);
            collectLocations(l.nested(), names);
        }
    }

    private static void collect(List<RewriteStep> steps, Set<String> names) {
        for (RewriteStep step : steps) {
            if (step instanceof RewriteStep.Set set) {
                names.add(set.variable());
            } else if (step instanceof RewriteStep.SetByLua set) {
                names.add(set.variable());
            }
        }
    }
}
