package io.jresty.core.module;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.luaj.vm2.LuaValue;

/**
 * The store behind resty.lrucache: at most {@code capacity} keys, the least recently used one
 * evicted first; an entry past its ttl stays (get returns it as stale) until evicted.
 * Owned by one worker's Lua state, so not thread-safe, like the Lua original.
 */
final class LruCache {
    /** One item; expire is in seconds since the epoch, negative for never. */
    record Entry(LuaValue value, double expire, long flags) {}

    /** get's answer: value when fresh, stale when expired. */
    record Lookup(LuaValue value, LuaValue stale, long flags) {}

    private final int capacity;
    private final Clock clock;
    // insertion order kept as recency order: the last entry is the most recently used
    private final LinkedHashMap<LuaValue, Entry> entries = new LinkedHashMap<>();

    LruCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The same items in the same recency order, keys and values passed through {@code map}. */
    LruCache copy(UnaryOperator<LuaValue> map) {
        LruCache c = new LruCache(capacity, clock);
        entries.forEach((k, e) -> c.entries.put(map.apply(k), new Entry(map.apply(e.value()), e.expire(), e.flags())));
        return c;
    }

    int capacity() {
        return capacity;
    }

    int count() {
        return entries.size();
    }

    /** Null on a miss. A hit, fresh or stale, makes the key the most recently used. */
    Lookup get(LuaValue key) {
        Entry e = entries.get(key);
        if (e == null || e.value().isnil()) {
            return null;
        }
        touch(key, e);
        if (e.expire() >= 0 && e.expire() < now()) {
            return new Lookup(LuaValue.NIL, e.value(), e.flags());
        }
        return new Lookup(e.value(), LuaValue.NIL, e.flags());
    }

    /** ttl in seconds, or null for no expiry. */
    void set(LuaValue key, LuaValue value, Double ttl, long flags) {
        Entry old = entries.remove(key);
        if (old == null && entries.size() >= capacity) {
            Iterator<LuaValue> eldest = entries.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        entries.put(key, new Entry(value, ttl == null ? -1 : now() + ttl, flags));
    }

    boolean delete(LuaValue key) {
        return entries.remove(key) != null;
    }

    void flushAll() {
        entries.clear();
    }

    /** Keys from the most to the least recently used, at most {@code max} of them. */
    List<LuaValue> keys(int max) {
        List<LuaValue> keys = new ArrayList<>(Math.min(max, entries.size()));
        for (LuaValue k : entries.sequencedKeySet().reversed()) {
            if (keys.size() >= max) {
                break;
            }
            keys.add(k);
        }
        return keys;
    }

    private void touch(LuaValue key, Entry e) {
        entries.remove(key);
        entries.put(key, e);
    }

    private double now() {
        return clock.millis() / 1000.0;
    }
}
