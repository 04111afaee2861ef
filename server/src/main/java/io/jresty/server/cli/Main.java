package io.jresty.server.cli;

import io.jresty.server.conf.ConfCheck;
import io.jresty.server.conf.ConfException;
import io.jresty.server.undertow.JrestyServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** java -jar jresty.jar: nginx's command line (-c, -p, -t, -v). */
@Command(name = "jresty", mixinStandardHelpOptions = false,
        description = "An OpenResty-compatible Lua runtime on the JVM.")
public final class Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "file", description = "configuration file (default: conf/nginx.conf)")
    String conf = "conf/nginx.conf";

    @Option(names = "-p", paramLabel = "prefix", description = "prefix path (default: current directory)")
    String prefix;

    @Option(names = "-t", description = "test the configuration and exit")
    boolean test;

    @Option(names = {"-v", "-V"}, description = "show version and exit")
    boolean version;

    @Option(names = {"-h", "-?"}, usageHelp = true, description = "this help")
    boolean help;

    public static void main(String[] args) {
        // Undertow and XNIO announce themselves at INFO on java.util.logging; the error log speaks for jresty
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int code = new CommandLine(new Main()).execute(args);
        if (code != Integer.MIN_VALUE) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (version) {
            System.err.println("jresty version: jresty/" + Version.TEXT + " (nginx/1.22.1 compatible, ngx_lua 0.10.23)");
            return 0;
        }
        // the patched LuaJ classes must win over luaj-jse's own, or numbers print as Java floats
        io.jresty.core.compat.LuaCompat.verifyPatched();
        Path prefixPath = Path.of(prefix == null ? "" : prefix).toAbsolutePath().normalize();
        Path confPath = prefixPath.resolve(conf).normalize();
        if (test) {
            return ConfTest.run(prefixPath, confPath, System.err);
        }
        JrestyServer server;
        try {
            server = Launcher.start(prefixPath, confPath);
        } catch (ConfException e) {
            System.err.println("jresty: [emerg] " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return Integer.MIN_VALUE;
    }
}
