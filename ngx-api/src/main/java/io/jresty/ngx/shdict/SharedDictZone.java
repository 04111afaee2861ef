package io.jresty.ngx.shdict;

import io.jresty.ngx.shdict.DictEntry.DictList;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One lua_shared_dict zone: a bounded key/value store shared by every worker. Entries are
 * kept in least-recently-used order and cost what nginx's slab allocator would charge
 * ({@link SlabPages}); a full zone evicts the least recently used entries for set, add,
 * incr and the list pushes, and refuses the safe_* variants. Expiry reads the injected clock.
 *
 * <p>Thread-safe: every operation holds this zone's monitor; they are all short.
 */
public final class SharedDictZone {
    /** What a store operation may do when the key is already there (or not). */
    enum StoreMode {
        SET(false), SAFE_SET(true), ADD(false), SAFE_ADD(true), REPLACE(false);

        final boolean safe;

        StoreMode(boolean safe) {
            this.safe = safe;
        }
    }

    /** get/get_stale: value null when absent (or expired for get), error for lists. */
    record Lookup(Object value, int flags, boolean stale, String error) {}

    record Stored(boolean ok, String error, boolean forcible) {}

    record Counted(Double value, String error, boolean forcible) {}

    record Pushed(long length, String error) {}

    record Popped(Object value, String error) {}

    private final String name;
    private final long capacityBytes;
    private final Clock clock;
    private final SlabPages slab;
    /** Access order: iteration starts at the least recently used entry. */
    private final LinkedHashMap<DictKey, DictEntry> entries = new LinkedHashMap<>(16, 0.75f, true);

    public SharedDictZone(String name, long capacityBytes, Clock clock) {
        this.name = name;
        this.capacityBytes = capacityBytes;
        this.clock = clock;
        this.slab = new SlabPages(capacityBytes);
    }

    public String name() {
        return name;
    }

    public long capacity() {
        return capacityBytes;
    }

    /** Free whole pages in bytes, as ngx.shared.DICT:free_space() reports them. */
    public synchronized long freeSpace() {
        return slab.freeBytes();
    }

    synchronized Lookup get(DictKey key, boolean allowStale) {
        long now = clock.millis();
        if (!allowStale) {
            sweep(now);
        }
        DictEntry e = entries.get(key);
        if (e == null || (!allowStale && e.expired(now))) {
            return new Lookup(null, 0, false, null);
        }
        if (e.value instanceof DictList) {
            return new Lookup(null, 0, false, "value is a list");
        }
        return new Lookup(e.value, e.flags, e.expired(now), null);
    }

    /** value null deletes (SET only; the Lua side refuses nil for add and replace). */
    synchronized Stored store(StoreMode mode, DictKey key, Object value, long ttlMillis, int flags) {
        long now = clock.millis();
        sweep(now);
        DictEntry old = entries.get(key);
        boolean live = old != null && !old.expired(now);
        if ((mode == StoreMode.ADD || mode == StoreMode.SAFE_ADD) && live) {
            return new Stored(false, "exists", false);
        }
        if (mode == StoreMode.REPLACE && !live) {
            return new Stored(false, "not found", false);
        }
        if (old != null) {
            remove(old);
        }
        if (value == null) {
            return new Stored(true, null, false);
        }
        DictEntry fresh = new DictEntry(key, value, flags, expiry(now, ttlMillis));
        insert(fresh);
        Room room = makeRoom(fresh, now, mode.safe);
        if (!room.fits()) {
            remove(fresh);
            return new Stored(false, "no memory", room.forcible());
        }
        return new Stored(true, null, room.forcible());
    }

    synchronized Counted incr(DictKey key, double by, Double init, long initTtlMillis) {
        long now = clock.millis();
        sweep(now);
        DictEntry old = entries.get(key);
        if (old != null && !old.expired(now)) {
            if (!(old.value instanceof Double d)) {
                return new Counted(null, "not a number", false);
            }
            old.value = d + by;
            return new Counted(d + by, null, false);
        }
        if (init == null) {
            return new Counted(null, "not found", false);
        }
        if (old != null) {
            remove(old);
        }
        DictEntry fresh = new DictEntry(key, init + by, 0, expiry(now, initTtlMillis));
        insert(fresh);
        Room room = makeRoom(fresh, now, false);
        if (!room.fits()) {
            remove(fresh);
            return new Counted(null, "no memory", room.forcible());
        }
        return new Counted(init + by, null, room.forcible());
    }

    /** lpush (left) and rpush: item is a byte[] or a Double. */
    synchronized Pushed push(DictKey key, Object item, boolean left) {
        long now = clock.millis();
        sweep(now);
        DictEntry e = entries.get(key);
        if (e != null && !e.expired(now) && !(e.value instanceof DictList)) {
            return new Pushed(0, "value not a list");
        }
        if (e == null || e.expired(now)) {
            if (e != null) {
                remove(e);
            }
            e = new DictEntry(key, new DictList(new ArrayDeque<>()), 0, 0);
            insert(e);
        }
        ArrayDeque<Object> items = ((DictList) e.value).items();
        if (left) {
            items.addFirst(item);
        } else {
            items.addLast(item);
        }
        slab.allocate(DictEntry.itemSize(item));
        if (!makeRoom(e, now, false).fits()) {
            if (left) {
                items.removeFirst();
            } else {
                items.removeLast();
            }
            slab.free(DictEntry.itemSize(item));
            if (items.isEmpty()) {
                remove(e);
            }
            return new Pushed(0, "no memory");
        }
        return new Pushed(items.size(), null);
    }

    synchronized Popped pop(DictKey key, boolean left) {
        long now = clock.millis();
        sweep(now);
        DictEntry e = entries.get(key);
        if (e == null || e.expired(now)) {
            return new Popped(null, null);
        }
        if (!(e.value instanceof DictList list)) {
            return new Popped(null, "value not a list");
        }
        Object item = left ? list.items().pollFirst() : list.items().pollLast();
        if (item != null) {
            slab.free(DictEntry.itemSize(item));
        }
        if (list.items().isEmpty()) {
            remove(e);
        }
        return new Popped(item, null);
    }

    /** The list's length (0 when absent), or -1 when the value is not a list. */
    synchronized long llen(DictKey key) {
        DictEntry e = entries.get(key);
        if (e == null || e.expired(clock.millis())) {
            return 0;
        }
        return e.value instanceof DictList l ? l.items().size() : -1;
    }

    /**
     * Seconds left (0 for no expiry), null when absent. An expired entry nobody removed yet
     * still answers, with a negative time, as in nginx.
     */
    synchronized Double ttl(DictKey key) {
        DictEntry e = entries.get(key);
        if (e == null) {
            return null;
        }
        return e.expiresAt == 0 ? 0.0 : (e.expiresAt - clock.millis()) / 1000.0;
    }

    /** Sets the entry's time to live (0 for none); false when absent. */
    synchronized boolean expire(DictKey key, long ttlMillis) {
        DictEntry e = entries.get(key);
        if (e == null) {
            return false;
        }
        e.expiresAt = expiry(clock.millis(), ttlMillis);
        return true;
    }

    /** Marks every entry expired; their memory comes back as they are flushed or evicted. */
    synchronized void flushAll() {
        for (DictEntry e : entries.values()) {
            e.expiresAt = 1;
        }
    }

    /** Removes up to max expired entries (all when max &lt;= 0); returns how many. */
    synchronized int flushExpired(int max) {
        long now = clock.millis();
        int n = 0;
        for (Iterator<DictEntry> it = entries.values().iterator(); it.hasNext() && (max <= 0 || n < max); ) {
            DictEntry e = it.next();
            if (e.expired(now)) {
                it.remove();
                e.free(slab);
                n++;
            }
        }
        return n;
    }

    /** Keys of live entries, least recently used first, at most max (all when max &lt;= 0). */
    synchronized List<DictKey> keys(int max) {
        long now = clock.millis();
        List<DictKey> keys = new ArrayList<>();
        for (DictEntry e : entries.values()) {
            if (max > 0 && keys.size() >= max) {
                break;
            }
            if (!e.expired(now)) {
                keys.add(e.key);
            }
        }
        return keys;
    }

    private static long expiry(long now, long ttlMillis) {
        return ttlMillis > 0 ? now + ttlMillis : 0;
    }

    private void insert(DictEntry e) {
        entries.put(e.key, e);
        e.allocate(slab);
    }

    private void remove(DictEntry e) {
        entries.remove(e.key);
        e.free(slab);
    }

    /** nginx frees up to two expired entries from the cold end before each store. */
    private void sweep(long now) {
        Iterator<DictEntry> it = entries.values().iterator();
        for (int i = 0; i < 2 && it.hasNext(); i++) {
            DictEntry e = it.next();
            if (!e.expired(now)) {
                return;
            }
            it.remove();
            e.free(slab);
        }
    }

    /** Whether the zone fits after a write, and whether live entries were evicted for it. */
    private record Room(boolean fits, boolean forcible) {}

    /**
     * Evicts until the zone fits again: expired entries first, then (unless safe) the least
     * recently used live ones, never the entry being written.
     */
    private Room makeRoom(DictEntry keep, long now, boolean safe) {
        if (!slab.overflows()) {
            return new Room(true, false);
        }
        evict(keep, now, true);
        boolean forcible = false;
        if (slab.overflows() && !safe) {
            forcible = evict(keep, now, false);
        }
        return new Room(!slab.overflows(), forcible);
    }

    private boolean evict(DictEntry keep, long now, boolean expiredOnly) {
        boolean evicted = false;
        for (Iterator<DictEntry> it = entries.values().iterator(); it.hasNext() && slab.overflows(); ) {
            DictEntry e = it.next();
            if (e != keep && (!expiredOnly || e.expired(now))) {
                it.remove();
                e.free(slab);
                evicted = true;
            }
        }
        return evicted;
    }
}
