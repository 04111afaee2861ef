package io.jresty.core.dynacode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engine's event listeners. Listeners run synchronously on the polling thread, in
 * registration order, like dynacode's emitter; unlike it, a listener that throws is logged
 * and the others still run, so a broken metrics listener cannot stop plugin updates.
 */
public final class DynacodeEvents {
    private final List<Consumer<DynacodeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> errorLog;

    DynacodeEvents(Consumer<String> errorLog) {
        this.errorLog = errorLog;
    }

    /** Adds a listener; registering twice calls it twice, as dynacode's {@code on} does. */
    public void on(Consumer<DynacodeEvent> listener) {
        listeners.add(listener);
    }

    public void remove(Consumer<DynacodeEvent> listener) {
        listeners.remove(listener);
    }

    void emit(DynacodeEvent event) {
        for (Consumer<DynacodeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                errorLog.accept("[dynacode] the listener of " + event.name() + " failed: " + e.getMessage());
            }
        }
    }
}
