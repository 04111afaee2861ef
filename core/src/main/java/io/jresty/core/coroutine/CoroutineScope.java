package io.jresty.core.coroutine;

import java.util.ArrayList;
import java.util.List;

/**
 * The coroutines created while one entry runs (a request's handler, a timer): closing the scope
 * ends those still suspended, as OpenResty frees a request's coroutines with the request. A
 * suspended coroutine's virtual thread would otherwise stay parked, and reachable, for ever.
 */
public final class CoroutineScope implements AutoCloseable {
    private static final ThreadLocal<CoroutineScope> CURRENT = new ThreadLocal<>();

    private final List<VirtualCoroutine> created = new ArrayList<>();
    private final CoroutineScope previous;

    private CoroutineScope(CoroutineScope previous) {
        this.previous = previous;
    }

    /** Opens a scope on this thread until closed. */
    public static CoroutineScope open() {
        CoroutineScope scope = new CoroutineScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** The scope of this thread (light threads and coroutines carry their entry's), or null. */
    public static CoroutineScope current() {
        return CURRENT.get();
    }

    /** Makes scope current on this thread (a light thread joining its entry's scope). */
    public static void join(CoroutineScope scope) {
        CURRENT.set(scope);
    }

    synchronized void add(VirtualCoroutine co) {
        created.add(co);
    }

    @Override
    public void close() {
        if (CURRENT.get() == this) {
            CURRENT.set(previous);
        }
        List<VirtualCoroutine> all;
        synchronized (this) {
            all = List.copyOf(created);
            created.clear();
        }
        for (VirtualCoroutine co : all) {
            co.end();
        }
    }
}
