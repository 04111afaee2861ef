package io.jresty.server.worker;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.shdict.SharedDicts;
import java.nio.file.Path;
import java.time.Clock;

/** The server's side of the ngx API: prefix, clock, error log, shared dicts, worker facts. */
public final class ServerEnvironment implements NgxEnvironment {
    private final Path prefix;
    private final Path confFile;
    private final Clock clock;
    private final ErrorLog errorLog;
    private final SharedDicts sharedDicts;
    private final int workerCount;
    private volatile boolean exiting;
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> services =
            new java.util.concurrent.ConcurrentHashMap<>();

    public ServerEnvironment(Path prefix, Path confFile, Clock clock, ErrorLog errorLog, SharedDicts sharedDicts,
            int workerCount) {
        this.prefix = prefix;
        this.confFile = confFile;
        this.clock = clock;
        this.errorLog = errorLog;
        this.sharedDicts = sharedDicts;
        this.workerCount = workerCount;
    }

    @Override
    public Path prefix() {
        return prefix;
    }

    @Override
    public Path confFile() {
        return confFile;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ErrorLog errorLog() {
        return errorLog;
    }

    @Override
    public SharedDicts sharedDicts() {
        return sharedDicts;
    }

    @Override
    public int workerCount() {
        return workerCount;
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public boolean exiting() {
        return exiting;
    }

    public void markExiting() {
        exiting = true;
    }

    @Override
    public <T> T service(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(services.computeIfAbsent(type, t -> create.get()));
    }

    /** Services that need closing at shutdown (timers fire prematurely, pollers stop). */
    public void closeServices() {
        for (Object s : services.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    errorLog.log(io.jresty.ngx.log.LogLevel.WARN, "closing " + s + ": " + e);
                }
            }
        }
    }
}
