package io.jresty.ngx.dynacode;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Disables, on this node, a plugin that keeps failing: N failures (errors or budget overruns)
 * within a window. It stays off until the document changes (a new document hash). Shared by
 * all workers; each plugin's record is guarded by itself.
 */
final class Quarantine {
    private final ConcurrentHashMap<String, Record> records = new ConcurrentHashMap<>();

    private static final class Record {
        final Deque<Long> failures = new ArrayDeque<>();
        boolean quarantined;
    }

    private static String key(String documentHash, String pluginKey) {
        return documentHash + "|" + pluginKey;
    }

    boolean isQuarantined(String documentHash, String pluginKey) {
        Record r = records.get(key(documentHash, pluginKey));
        if (r == null) {
            return false;
        }
        synchronized (r) {
            return r.quarantined;
        }
    }

    /** Records a failure; true when it is the one that puts the plugin in quarantine. */
    boolean fail(String documentHash, String pluginKey, int after, Duration window, long nowNanos) {
        if (after <= 0) {
            return false;
        }
        Record r = records.computeIfAbsent(key(documentHash, pluginKey), k -> new Record());
        synchronized (r) {
            if (r.quarantined) {
                return false;
            }
            r.failures.addLast(nowNanos);
            while (!r.failures.isEmpty() && nowNanos - r.failures.peekFirst() > window.toNanos()) {
                r.failures.removeFirst();
            }
            if (r.failures.size() >= after) {
                r.quarantined = true;
                return true;
            }
            return false;
        }
    }

    /** A new document: every plugin starts afresh. */
    void forgetAllBut(String documentHash) {
        records.keySet().removeIf(k -> !k.startsWith(documentHash + "|"));
    }
}
