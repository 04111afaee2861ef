package io.jresty.server.bench;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import io.jresty.ngx.shdict.SharedDictZone;
import io.jresty.ngx.shdict.SharedDicts;
import io.jresty.server.cli.Launcher;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.ServerBlock;
import io.jresty.server.pipeline.RequestPipeline;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.Variables;
import io.jresty.server.worker.ServerEnvironment;
import io.jresty.server.worker.WorkerPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the server's phases (location, rewrite, access, content, filters, log)
 * with no HTTP around it: the conf of a scripts/bench.sh scenario, built as the server builds
 * it, and an Undertow exchange on a socketless connection standing for the parsed request. What the wrk figures cost
 * beyond this is Undertow, the virtual-thread hop and the network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBench {
    /** The scenario confs of scripts/bench.sh; the benchmark runs from the repository root. */
    private static final Path SCENARIOS = Path.of(System.getProperty("jresty.bench.scenarios", "scripts/bench/scenarios"));

    /** scenario -> request path and query, as bench.sh requests it. */
    private static final Map<String, String[]> TARGETS = Map.of(
            "hello", new String[] {"/hello", ""},
            "chain", new String[] {"/", "token=token"},
            "static", new String[] {"/static/1k.txt", ""},
            "shdict", new String[] {"/incr", ""},
            "cjson", new String[] {"/json", ""});

    @Param({"hello", "chain", "static", "shdict", "cjson"})
    public String scenario;

    private final BenchConnection connection = new BenchConnection();
    private RequestPipeline pipeline;
    private Variables variables;
    private ServerBlock server;
    private String path;
    private String query;

    @Setup
    public void setup() throws Exception {
        Path prefix = Files.createTempDirectory("jresty-pipeline-bench");
        Files.createDirectories(prefix.resolve("conf"));
        Files.createDirectories(prefix.resolve("html/static"));
        Files.write(prefix.resolve("html/static/1k.txt"), "x".repeat(1024).getBytes());
        Path conf = prefix.resolve("conf/nginx.conf");
        Files.writeString(conf, Files.readString(SCENARIOS.resolve(scenario + ".conf"))
                .replace("@PORT@", "1").replace("@WORKERS@", "1"));
        HttpBlock http = Launcher.load(prefix, conf);
        Clock clock = Clock.systemUTC();
        ErrorLog log = new ErrorLog(new PrintStream(OutputStream.nullOutputStream()), LogLevel.ERR, clock, 1);
        Map<String, SharedDictZone> zones = new LinkedHashMap<>();
        http.sharedDicts().forEach((name, size) -> zones.put(name, new SharedDictZone(name, size, clock)));
        ServerEnvironment env = new ServerEnvironment(http.prefix(), http.confFile(), clock, log,
                new SharedDicts(zones), 1);
        WorkerPool pool = new WorkerPool(1, http.packagePath(), env);
        pool.runEverywhere(http.initByLua(), Phase.INIT);
        pool.runEverywhere(http.initWorkerByLua(), Phase.INIT_WORKER);
        pipeline = new RequestPipeline(http, pool, log);
        variables = new Variables(clock, Set.of());
        server = http.servers().getFirst();
        path = TARGETS.get(scenario)[0];
        query = TARGETS.get(scenario)[1];
        int status = serve().status();
        if (status != 200) {
            throw new IllegalStateException(scenario + " answers " + status + ", not 200");
        }
    }

    private HttpRequestState serve() {
        HttpServerExchange exchange = new HttpServerExchange(connection);
        exchange.setRequestMethod(Methods.GET);
        exchange.setProtocol(Protocols.HTTP_1_1);
        exchange.setRequestURI(path);
        exchange.setRequestPath(path);
        exchange.setRelativePath(path);
        exchange.setQueryString(query);
        exchange.getRequestHeaders().put(Headers.HOST, "d1.bench.test");
        HttpRequestState r = new HttpRequestState(exchange, 1, server, variables);
        pipeline.process(r);
        pipeline.logPhase(r);
        return r;
    }

    @Benchmark
    public byte[] request() {
        return serve().output();
    }
}
