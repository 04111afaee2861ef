package io.jresty.ngx;

import io.jresty.ngx.log.ErrorLog;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the ngx API needs beyond a request: the server's prefix, its clock, the error log,
 * the shared dict zones and worker facts. The server provides it; core knows nothing of it.
 */
public interface NgxEnvironment {
    Path prefix();

    Path confFile();

    Clock clock();

    ErrorLog errorLog();

    /** The lua_shared_dict zones; empty when the conf declares none. */
    io.jresty.ngx.shdict.SharedDicts sharedDicts();

    int workerCount();

    /** The pid ngx.worker.pid() returns (the JVM's, since workers are not processes here). */
    long pid();

    /** True once the server is shutting down (ngx.worker.exiting()). */
    default boolean exiting() {
        return false;
    }

    /**
     * The one instance of a server-wide service (timers, the dynacode engine), made on first use.
     * Workers share it; it must be thread-safe.
     */
    default <T> T service(Class<T> type, java.util.function.Supplier<T> create) {
        throw new UnsupportedOperationException("this environment keeps no services");
    }
}
