package io.jresty.ngx.testing;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.shdict.SharedDicts;
import java.nio.file.Path;

/** An environment for unit tests: a hand-moved clock, shared dicts of the test's choice, stderr log. */
public record TestEnvironment(TestClock clock, SharedDicts sharedDicts, ErrorLog errorLog) implements NgxEnvironment {
    public TestEnvironment(TestClock clock, SharedDicts sharedDicts) {
        this(clock, sharedDicts, new ErrorLog(System.err, LogLevel.ERR, clock, 1));
    }

    @Override
    public Path prefix() {
        return Path.of(".");
    }

    @Override
    public Path confFile() {
        return Path.of("conf/nginx.conf");
    }

    @Override
    public int workerCount() {
        return 1;
    }

    @Override
    public long pid() {
        return 1;
    }
}
