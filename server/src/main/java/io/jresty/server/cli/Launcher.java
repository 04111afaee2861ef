package io.jresty.server.cli;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.server.conf.ConfException;
import io.jresty.server.conf.ConfParser;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.HttpConfBuilder;
import io.jresty.server.undertow.JrestyServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Reads a conf, builds everything it says and starts serving; a bad conf starts nothing. */
public final class Launcher {
    private Launcher() {}

    public static HttpBlock load(Path prefix, Path conf) throws ConfException {
        return new HttpConfBuilder(prefix, conf).build(ConfParser.parse(conf));
    }

    public static JrestyServer start(Path prefix, Path conf) throws ConfException {
        HttpBlock http = load(prefix, conf);
        return JrestyServer.start(http, errorLog(http), Clock.systemDefaultZone());
    }

    static ErrorLog errorLog(HttpBlock http) throws ConfException {
        LogLevel level = LogLevel.ofWord(http.errorLogLevel());
        if (level == null) {
            throw new ConfException("invalid log level \"" + http.errorLogLevel() + "\" in " + http.confFile());
        }
        PrintStream out = System.err;
        if (http.errorLogPath() != null) {
            try {
                Path path = Path.of(http.errorLogPath());
                Files.createDirectories(path.getParent());
                out = new PrintStream(new FileOutputStream(path.toFile(), true), true);
            } catch (IOException e) {
                throw new ConfException("open() \"" + http.errorLogPath() + "\" failed (" + e.getMessage() + ")");
            }
        }
        return new ErrorLog(out, level, Clock.systemDefaultZone(), ProcessHandle.current().pid());
    }
}
