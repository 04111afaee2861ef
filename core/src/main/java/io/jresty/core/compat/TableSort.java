package io.jresty.core.compat;

import io.jresty.core.budget.Budget;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * table.sort with the quicksort Lua 5.1 and LuaJIT use (median of three, smaller half first),
 * so elements that compare equal end up in the same order as on LuaJIT, and an inconsistent
 * comparator raises "invalid order function for sorting" instead of LuaJ's silent return.
 */
final class TableSort {
    private final LuaValue t;
    private final LuaValue comparator;

    private TableSort(LuaValue t, LuaValue comparator) {
        this.t = t;
        this.comparator = comparator;
    }

    static Varargs sort(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "sort");
        LuaValue comparator = args.arg(2);
        if (!comparator.isnil()) {
            Builtin.function(args, 2, "sort");
        }
        new TableSort(t, comparator).sort(1, t.rawlen());
        return LuaValue.NONE;
    }

    private boolean less(LuaValue a, LuaValue b) {
        // a huge array sorts in this Java loop, with or without a Lua comparator: charge the budget
        Budget.tick();
        return comparator.isnil() ? a.lt_b(b) : comparator.call(a, b).toboolean();
    }

    private LuaValue at(int i) {
        return t.rawget(i);
    }

    private void swap(int i, int j) {
        LuaValue a = t.rawget(i);
        t.rawset(i, t.rawget(j));
        t.rawset(j, a);
    }

    private void sort(int lo, int hi) {
        while (lo < hi) {
            // order a[lo], a[mid], a[hi]; the median becomes the pivot
            if (less(at(hi), at(lo))) {
                swap(lo, hi);
            }
            if (hi - lo == 1) {
                return;
            }
            int mid = (lo + hi) >>> 1;
            if (less(at(mid), at(lo))) {
                swap(mid, lo);
            } else if (less(at(hi), at(mid))) {
                swap(mid, hi);
            }
            if (hi - lo == 2) {
                return;
            }
            LuaValue pivot = at(mid);
            swap(mid, hi - 1);
            int i = lo;
            int j = hi - 1;
            while (true) {
                while (less(at(++i), pivot)) {
                    if (i > hi) {
                        throw new LuaError("invalid order function for sorting");
                    }
                }
                while (less(pivot, at(--j))) {
                    if (j < lo) {
                        throw new LuaError("invalid order function for sorting");
                    }
                }
                if (j < i) {
                    break;
                }
                swap(i, j);
            }
            swap(hi - 1, i);
            // recurse into the smaller part, loop on the larger, so the stack stays O(log n)
            int from;
            int to;
            if (i - lo < hi - i) {
                from = lo;
                to = i - 1;
                lo = i + 1;
            } else {
                from = i + 1;
                to = hi;
                hi = i - 1;
            }
            sort(from, to);
        }
    }
}
