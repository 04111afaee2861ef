package io.jresty.server.undertow;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The executor requests run on: one virtual thread per request. */
final class VirtualThreads {
    private VirtualThreads() {}

    static final ExecutorService REQUESTS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jresty-request-", 0).factory());

    static Executor requests() {
        return REQUESTS;
    }
}
