package io.jresty.core.coroutine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Per-thread state that a coroutine's thread takes over from its resumer at every resume (the
 * ngx context of the request, the light thread it belongs to): Lua code inside a coroutine runs
 * in its resumer's place. Layers above core register what they keep per thread.
 */
public final class ThreadCarriers {
    private static final List<Carrier<?>> CARRIERS = new CopyOnWriteArrayList<>();

    private ThreadCarriers() {}

    /** One piece of per-thread state: read it on the resumer, set it on the coroutine's thread. */
    public interface Carrier<T> {
        T capture();

        void install(T value);
    }

    /** Registers a carrier once (registering the same kind again is a no-op). */
    public static synchronized void register(Carrier<?> carrier) {
        for (Carrier<?> c : CARRIERS) {
            if (c.getClass() == carrier.getClass()) {
                return;
            }
        }
        CARRIERS.add(carrier);
    }

    static Object[] capture() {
        Object[] values = new Object[CARRIERS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = CARRIERS.get(i).capture();
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    static void install(Object[] values) {
        for (int i = 0; i < values.length && i < CARRIERS.size(); i++) {
            ((Carrier<Object>) CARRIERS.get(i)).install(values[i]);
        }
    }
}
