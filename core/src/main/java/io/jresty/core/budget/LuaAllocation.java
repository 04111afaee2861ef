package io.jresty.core.budget;

/**
 * Where Lua allocates, as LuaJIT would count it: LuaJ's tables and strings call these hooks
 * (patched in at build time, see {@code io.jresty.core.compat.build.AllocationPatch}) and each
 * charges the budgets of the current thread.
 *
 * <p>The JVM's own allocation is not the measure: LuaJ boxes every number a Lua expression makes
 * (a loop of 10^7 float additions allocates some 360 MB of garbage in 150 ms), which LuaJIT does
 * not, so a cap on it would end arithmetic long before it ends a growing table. The weights are
 * what a value costs on a 64-bit JVM with compressed pointers, rounded up so that the boxed
 * values and entry nodes a slot holds are counted too.
 */
public final class LuaAllocation {
    /** A table object and its header, without its parts. */
    static final long TABLE = 64;
    /** One slot of a table's array part: the reference and an average boxed value. */
    static final long ARRAY_SLOT = 16;
    /** One bucket of a table's hash part: the reference, the entry node and its key. */
    static final long HASH_SLOT = 48;
    /** A string object and its byte array's header, without the bytes. */
    static final long STRING = 40;
    /**
     * -Djresty.alloc_meter=off leaves the hooks empty (the JIT then drops them): a switch to measure
     * what the meter costs, and a way out should it ever misjudge a workload.
     */
    private static final boolean METERED = !"off".equals(System.getProperty("jresty.alloc_meter"));

    private LuaAllocation() {}

    /** A table is made. */
    public static void table() {
        if (METERED) {
            Budget.charge(TABLE);
        }
    }

    /** A table is made with room for {@code slots} array slots and {@code buckets} hash buckets. */
    public static void presized(int slots, int buckets) {
        if (METERED) {
            // rounded up to powers of two (and at least 2 buckets), as LuaJ allocates them
            Budget.charge(TABLE + roundUp(slots) * ARRAY_SLOT + (buckets > 0 ? Math.max(2, roundUp(buckets)) : 0) * HASH_SLOT);
        }
    }

    private static long roundUp(int n) {
        return n <= 0 ? 0 : Long.highestOneBit(((long) n << 1) - 1);
    }

    /** A table's array part is (re)allocated with {@code slots} slots. */
    public static void arrayPart(int slots) {
        if (METERED && slots > 0) {
            Budget.charge(slots * ARRAY_SLOT);
        }
    }

    /** A table's hash part is (re)allocated with {@code buckets} buckets. */
    public static void hashPart(int buckets) {
        if (METERED && buckets > 0) {
            Budget.charge(buckets * HASH_SLOT);
        }
    }

    /** A string of {@code length} bytes is made. */
    public static void string(int length) {
        if (METERED) {
            Budget.charge(STRING + length);
        }
    }
}
