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
}
