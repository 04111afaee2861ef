package io.jresty.core.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * LuaJ keeps one string metatable for the whole JVM (a static), where each nginx worker process
 * has its own. Its {@code __index} here finds the {@code string} table of the Lua state running
 * on this thread, so {@code ("x"):m()} reaches what this worker put in its own {@code string}
 * table (in init_worker_by_lua, or after init's state was copied into it), not another worker's.
 */
public final class StringMetatable {
    /** Inheritable: coroutine threads started by a worker's thread run that worker's Lua. */
    private static final InheritableThreadLocal<Globals> RUNNING = new InheritableThreadLocal<>();
    /** For Lua that runs outside any worker: the string table of the first state made. */
    private static volatile LuaValue fallback;
    private static final LuaTable METATABLE = new LuaTable();

    static {
        METATABLE.rawset(LuaValue.INDEX, new CurrentStringTable());
    }

    private StringMetatable() {}

    /** Called after a state loaded LuaJ's StringLib, which sets the static metatable to its own table. */
    static void install(Globals g) {
        if (fallback == null) {
            fallback = g.rawget("string");
        }
        LuaString.s_metatable = METATABLE;
    }

    /** Marks this thread as running g's Lua; returns what to give {@link #leave} afterwards. */
    public static Globals enter(Globals g) {
        Globals previous = RUNNING.get();
        RUNNING.set(g);
        return previous;
    }

    public static void leave(Globals previous) {
        if (previous == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(previous);
        }
    }

    static LuaValue currentStringTable() {
        Globals g = RUNNING.get();
        LuaValue t = g == null ? null : g.rawget("string");
        return t == null || !t.istable() ? fallback : t;
    }

    /** The metatable's __index: reads and writes go to the running state's string table. */
    private static final class CurrentStringTable extends LuaTable {
        @Override
        public LuaValue rawget(LuaValue key) {
            return currentStringTable().rawget(key);
        }

        @Override
        public LuaValue rawget(int key) {
            return currentStringTable().rawget(key);
        }

        @Override
        public void rawset(LuaValue key, LuaValue value) {
            currentStringTable().rawset(key, value);
        }

        @Override
        public void rawset(int key, LuaValue value) {
            currentStringTable().rawset(key, value);
        }

        @Override
        public Varargs next(LuaValue key) {
            return currentStringTable().next(key);
        }
    }
}
