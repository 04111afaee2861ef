package io.jresty.core.compat;

import org.luaj.vm2.LuaTable;

/**
 * The length operator on tables as LuaJIT computes it; the patched
 * {@code org.luaj.vm2.LuaTable#rawlen()} calls {@link #border}. Any border is a legal answer,
 * but code written against LuaJIT counts on its choice: a full array part gives its size, even
 * with holes inside ({@code #{1, nil, 3}} is 3), a nil last slot starts a binary search there.
 */
public final class LuaTableLength {
    private LuaTableLength() {}

    /**
     * @param arrayLength the size of the table's array part in LuaJ
     * @param hashEntries how many keys the hash part holds (0: no key beyond the array can exist)
     * @param jitArray the size LuaJIT's array part would have + 1, or 0 when not known
     */
    public static int border(LuaTable t, int arrayLength, int hashEntries, int jitArray) {
        int a = arrayLength;
        if (jitArray > 0 && jitArray - 1 != arrayLength) {
            // LuaJ's array is longer (or shorter): keys past LuaJIT's size count as its hash part
            a = jitArray - 1;
            hashEntries = hashEntries + 1;
        }
        if (a > 0 && t.rawget(a).isnil()) {
            // t[0] counts as present and t[a] is nil: a border lies between
            int present = 0;
            int absent = a;
            while (absent - present > 1) {
                int m = (present + absent) >>> 1;
                if (t.rawget(m).isnil()) {
                    absent = m;
                } else {
                    present = m;
                }
            }
            return present;
        }
        if (hashEntries == 0) {
            return a;
        }
        return unbounded(t, a);
    }

    /**
     * How long the array part is after a constructor's trailing {@code ...} or call stored
     * values up to index {@code last}, as LuaJIT's TSETM leaves it: the constructor made room
     * for its items (the multiple-value one included, at least 2); past that, the array grows
     * to one slot beyond the last value, so # searches for a border among them.
     *
     * @param arrayLength LuaJ's array length now
     * @param jitArray LuaJIT's array length + 1 as the constructor made it (the items before the
     *     multiple values), or 0 when not known
     */
    public static int listSize(int last, int arrayLength, int jitArray) {
        int current = jitArray > 0 ? jitArray - 1 : arrayLength;
        int made = Math.max(current + 1, 2);
        return last <= made ? made : last + 1;
    }

    /** A border beyond the array part: double until a nil, then binary search. */
    private static int unbounded(LuaTable t, int present) {
        long i = present;
        long j = present + 1L;
        while (!t.rawget((int) j).isnil()) {
            i = j;
            if (j > Integer.MAX_VALUE / 2) {
                // a table built to defeat the search: count from the start
                int k = 1;
                while (!t.rawget(k).isnil()) {
                    k++;
                }
                return k - 1;
            }
            j *= 2;
        }
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (t.rawget((int) m).isnil()) {
                j = m;
            } else {
                i = m;
            }
        }
        return (int) i;
    }
}
