package io.jresty.ngx.shdict;

import java.util.ArrayDeque;

/**
 * One node of a zone: its value (Boolean, Double, byte[] or a {@link DictList}), user flags
 * and expiry. Mutable; only touched under its zone's lock.
 */
final class DictEntry {
    /** nginx's node header (rbtree node up to color, plus the dict node up to its data), x86-64. */
    static final int NODE_HEADER = 68;
    /** A list's queue head stored as the node's value. */
    static final int LIST_HEAD = 16;
    /** The header of one list element's node. */
    static final int LIST_ITEM_HEADER = 21;

    final DictKey key;
    Object value;
    int flags;
    /** Epoch milliseconds when it expires; 0 for never. */
    long expiresAt;

    DictEntry(DictKey key, Object value, int flags, long expiresAt) {
        this.key = key;
        this.value = value;
        this.flags = flags;
        this.expiresAt = expiresAt;
    }

    boolean expired(long now) {
        return expiresAt != 0 && expiresAt <= now;
    }

    /** The size of the node's own allocation. */
    long nodeSize() {
        return NODE_HEADER + key.bytes().length + valueSize(value);
    }

    static long valueSize(Object value) {
        return switch (value) {
            case byte[] s -> s.length;
            case Double d -> 8;
            case Boolean b -> 1;
            case DictList l -> LIST_HEAD;
            default -> throw new IllegalArgumentException("not a shared dict value: " + value);
        };
    }

    static long itemSize(Object item) {
        return LIST_ITEM_HEADER + valueSize(item);
    }

    /** The allocations of this entry: its node, then one per list element. */
    void allocate(SlabPages slab) {
        slab.allocate(nodeSize());
        if (value instanceof DictList l) {
            for (Object item : l.items()) {
                slab.allocate(itemSize(item));
            }
        }
    }

    void free(SlabPages slab) {
        slab.free(nodeSize());
        if (value instanceof DictList l) {
            for (Object item : l.items()) {
                slab.free(itemSize(item));
            }
        }
    }

    /** A list value: strings (byte[]) and numbers (Double), in order. */
    record DictList(ArrayDeque<Object> items) {}
}
