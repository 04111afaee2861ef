package io.jresty.core.fork;

import io.jresty.core.compile.ChunkCompiler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

/**
 * One deep copy of a Lua state into a worker's state. {@link #of} only allocates (a new
 * table, a new closure) and queues the filling, so graphs of any depth and with cycles copy
 * without recursion, and every object is copied once (identity is kept: two references to
 * one table in the source are two references to one table in the copy).
 *
 * <p>What is copied: tables (plain {@link LuaTable}s; entries, keys and metatables),
 * interpreted closures and LuaJC-compiled functions (upvalues, and the cells two closures
 * share stay shared). What is mapped: the built-in objects paired by {@link StatePairing},
 * and {@link Forkable} values. What is shared as it is: strings, numbers, booleans, and Java
 * objects that are neither (library functions without state, server-wide userdata such as
 * shared dicts, Java subclasses of LuaTable): the copy cannot see inside them.
 */
final class LuaStateCopy implements ForkCopy {
    private final Globals target;
    private final Map<LuaValue, LuaValue> copies;
    private final Map<UpValue, UpValue> upvalues = new IdentityHashMap<>();
    private final Map<LuaValue[], LuaValue[]> cells = new IdentityHashMap<>();
    private final Map<Object, Object> once = new IdentityHashMap<>();
    private final Deque<Runnable> fills = new ArrayDeque<>();
    private int tables;
    private int functions;

    LuaStateCopy(Map<LuaValue, LuaValue> pairs, Globals target) {
        this.target = target;
        this.copies = new IdentityHashMap<>(pairs);
    }

    /** Copies: every paired table gets its source's entries, then all they reach. */
    ForkStats run(Map<LuaValue, LuaValue> pairs) {
        for (Map.Entry<LuaValue, LuaValue> p : pairs.entrySet()) {
            if (p.getKey() instanceof LuaTable s && p.getValue() instanceof LuaTable t && s != t) {
                fills.add(() -> fillPaired(s, t));
            }
        }
        while (!fills.isEmpty()) {
            fills.poll().run();
        }
        return new ForkStats(tables, functions);
    }

    @Override
    public Globals target() {
        return target;
    }

    @Override
    public void counterpart(LuaValue source, LuaValue target) {
        if (copies.containsKey(source)) {
            return;
        }
        copies.put(source, target);
        if (source instanceof LuaTable s && target instanceof LuaTable t && s != t) {
            fills.add(() -> fill(s, t));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> make) {
        // not computeIfAbsent: making one twin may ask for another
        Object done = once.get(key);
        if (done == null) {
            done = make.get();
            once.put(key, done);
        }
        return (T) done;
    }

    @Override
    public LuaValue of(LuaValue v) {
        if (v == null) {
            return null;
        }
        switch (v.type()) {
            case LuaValue.TNIL, LuaValue.TBOOLEAN, LuaValue.TNUMBER, LuaValue.TSTRING, LuaValue.TLIGHTUSERDATA:
                return v;
            default:
                break;
        }
        LuaValue done = copies.get(v);
        if (done != null) {
            return done;
        }
        LuaValue copy = allocate(v);
        copies.put(v, copy);
        return copy;
    }

    private LuaValue allocate(LuaValue v) {
        if (v instanceof Forkable f) {
            LuaValue copy = f.forkInto(this);
            if (copies.containsKey(v)) {
                // the hook named the counterpart itself (and its filling is queued)
                return copies.get(v);
            }
            if (v instanceof LuaTable s && copy instanceof LuaTable t && copy != v) {
                fills.add(() -> fill(s, t));
            }
            return copy;
        }
        if (v.getClass() == LuaTable.class) {
            LuaTable s = (LuaTable) v;
            LuaTable t = new LuaTable();
            tables++;
            fills.add(() -> fill(s, t));
            return t;
        }
        if (v instanceof LuaClosure c) {
            functions++;
            return closure(c);
        }
        if (v.isfunction() && ChunkCompiler.isCompiledFunction(v)) {
            functions++;
            return CompiledFunctionCopy.of(v, this);
        }
        if (v instanceof LuaThread thread && !"dead".equals(thread.getStatus())) {
            // two workers resuming one coroutine would run one Lua stack on two threads
            throw new LuaError("init_by_lua left a " + thread.getStatus()
                    + " coroutine reachable from the Lua state: it cannot be copied to the other workers");
        }
        return v;
    }

    private LuaClosure closure(LuaClosure c) {
        Globals state = ClosureState.of(c);
        LuaValue mapped = state == null ? LuaValue.NIL : of(state);
        LuaClosure copy = new LuaClosure(c.p, mapped instanceof Globals ? mapped : LuaValue.NIL);
        UpValue[] source = c.upValues;
        UpValue[] into = new UpValue[source.length];
        copy.upValues = into;
        fills.add(() -> {
            for (int i = 0; i < source.length; i++) {
                into[i] = source[i] == null ? null : upvalue(source[i]);
            }
        });
        return copy;
    }

    private UpValue upvalue(UpValue u) {
        UpValue done = upvalues.get(u);
        if (done == null) {
            // a closed upvalue: its own one-slot array, as LuaJ leaves it when the frame returns
            done = new UpValue(new LuaValue[] {of(u.getValue())}, 0);
            upvalues.put(u, done);
        }
        return done;
    }

    @Override
    public void later(Runnable work) {
        fills.add(work);
    }

    /** A LuaJC cell: an upvalue two compiled closures share is one array in both. */
    LuaValue[] cell(LuaValue[] source) {
        LuaValue[] done = cells.get(source);
        if (done == null) {
            done = new LuaValue[source.length];
            cells.put(source, done);
            for (int i = 0; i < source.length; i++) {
                done[i] = of(source[i]);
            }
        }
        return done;
    }

    /** A built-in table of the target: it becomes what init left in the source's. */
    private void fillPaired(LuaTable s, LuaTable t) {
        // keys first: removing while iterating can move LuaJ's hash slots under next()
        for (LuaValue k : t.keys()) {
            t.rawset(k, LuaValue.NIL);
        }
        fill(s, t);
    }

    private void fill(LuaTable s, LuaTable t) {
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs entry = s.next(k);
            k = entry.arg1();
            if (k.isnil()) {
                break;
            }
            t.rawset(of(k), of(entry.arg(2)));
        }
        LuaValue mt = s.getmetatable();
        t.setmetatable(mt == null ? null : of(mt));
    }
}
