package io.jresty.core.ffi;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.luaj.vm2.LuaString;

/**
 * Hands out fake addresses for {@link Block}s and finds the block behind an address read from
 * memory. Addresses are never reused, so ffi.cast("uintptr_t", p) is unique and stable for the
 * life of the process, as lua-resty-lrucache needs for its node-to-key table. The map holds
 * blocks weakly: a block lives while a cdata refers to it or a pointer stored from a cdata
 * does (see {@link Block}); a raw address that outlived its block fails when dereferenced
 * instead of crashing.
 * The counter is shared by all workers and atomic; each worker lists its blocks in its own
 * map ({@link CTypes#blocks}), so a worker forked from another holds copies of that worker's
 * blocks at the same addresses, as nginx's forked workers do.
 */
final class AddressSpace {
    /** Where LuaJIT's x86-64 allocations usually live, so printed addresses look familiar. */
    private static final long FIRST = 0x7f0000010000L;
    /** Strings cast to "const char *" get an address derived from their bytes, in their own range. */
    private static final long STRINGS = 0x550000000000L;
    private static final AtomicLong NEXT = new AtomicLong(FIRST);
    private static final ReferenceQueue<Block> COLLECTED = new ReferenceQueue<>();

    /** A listed block, held weakly, and the worker's map that lists it. */
    static final class Entry extends WeakReference<Block> {
        final long base;
        private final ConcurrentSkipListMap<Long, Entry> listing;

        Entry(Block block, ConcurrentSkipListMap<Long, Entry> listing) {
            super(block, COLLECTED);
            this.base = block.base;
            this.listing = listing;
        }
    }

    private AddressSpace() {}

    /**
     * Memory nothing can point into (a boxed number: the subset has no address-of), so it
     * needs no entry in the map: an address, and the garbage collector does the rest.
     */
    static Block allocateUnlisted(int size) {
        return new Block(NEXT.getAndAdd(16), new byte[size], null);
    }

    /** Zeroed memory of {@code size} bytes at a fresh 16-byte aligned address. */
    static Block allocate(long size, CTypes owner) {
        if (size < 0 || size > Integer.MAX_VALUE - 16) {
            throw new FfiException("size of C type is unknown or too large");
        }
        // one allocation may not take the heap that every worker shares (LuaJIT's words for a failed malloc)
        if (size > Runtime.getRuntime().maxMemory() / 4) {
            throw new FfiException("not enough memory");
        }
        forgetCollected();
        // a gap of at least 16 bytes keeps one-past-the-end pointers from naming the next block
        long span = (size + 31) & ~15L;
        Block b = new Block(NEXT.getAndAdd(span), new byte[(int) size], owner);
        list(b);
        return b;
    }

    /** Lists a block in its owner's map, so addresses read from memory find it. */
    static void list(Block b) {
        if (b.owner != null) {
            forgetCollected();
            b.owner.blocks.put(b.base, new Entry(b, b.owner.blocks));
        }
    }

    /**
     * The bytes of a Lua string (with its terminating NUL) at an address that depends only on
     * the bytes: LuaJIT interns strings, so equal strings give equal pointers there, and
     * lua-resty-lrucache's pureffi variant hashes keys by that pointer.
     */
    static Block string(LuaString s) {
        byte[] bytes = new byte[s.rawlen() + 1];
        s.copyInto(0, bytes, 0, s.rawlen());
        long h = 0xcbf29ce484222325L;
        for (byte x : bytes) {
            h = (h ^ (x & 0xff)) * 0x100000001b3L;
        }
        return new Block(STRINGS + ((h & 0xfffffffffL) << 4), bytes, null);
    }

    /**
     * The live block of {@code owner} that holds [address, address + length), or null. A worker
     * never reaches another worker's memory, even through a forged address: the workers are
     * threads of one process here, not nginx's separate processes.
     */
    static Block find(long address, long length, CTypes owner) {
        if (owner == null) {
            return null;
        }
        Map.Entry<Long, Entry> e = owner.blocks.floorEntry(address);
        if (e == null) {
            return null;
        }
        Block b = e.getValue().get();
        return b != null && b.owner == owner && b.contains(address, length) ? b : null;
    }

    private static void forgetCollected() {
        for (Object r; (r = COLLECTED.poll()) != null; ) {
            Entry e = (Entry) r;
            e.listing.remove(e.base, e);
        }
    }
}
