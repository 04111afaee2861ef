package io.jresty.core.cjson;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The two metatables lua-cjson keeps in the registry of a Lua state: {@code cjson.array_mt}
 * and {@code cjson.empty_array_mt}. One pair per worker, shared by cjson, cjson.safe and every
 * {@code cjson.new()} instance of that worker, as in lua-cjson.
 */
record ArrayMarkers(LuaTable arrayMt, LuaTable emptyArrayMt) {
    /** Each state's pair, as lua-cjson's registry entries; weak, so a dropped state goes. */
    private static final Map<Globals, ArrayMarkers> BY_STATE = Collections.synchronizedMap(new WeakHashMap<>());

    static ArrayMarkers create() {
        return new ArrayMarkers(new Marker(ArrayMarkers::arrayMt), new Marker(ArrayMarkers::emptyArrayMt));
    }

    /** The pair of a Lua state; a state that has none yet gets one. */
    static ArrayMarkers of(Globals state) {
        return BY_STATE.computeIfAbsent(state, s -> create());
    }

    /**
     * A marker table: in a worker forked from this one it is that worker's marker of the same
     * role, so the worker's encoder still recognises tables init_by_lua marked.
     */
    private static final class Marker extends LuaTable implements Forkable {
        private final Function<ArrayMarkers, LuaTable> role;

        Marker(Function<ArrayMarkers, LuaTable> role) {
            this.role = role;
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            return role.apply(of(copy.target()));
        }
    }
}
