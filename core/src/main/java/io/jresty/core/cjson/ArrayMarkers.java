package io.jresty.core.cjson;

import org.luaj.vm2.LuaTable;

/**
 * The two metatables lua-cjson keeps in the registry of a Lua state: {@code cjson.array_mt}
 * and {@code cjson.empty_array_mt}. One pair per worker, shared by cjson, cjson.safe and every
 * {@code cjson.new()} instance of that worker, as in lua-cjson.
 */
record ArrayMarkers(LuaTable arrayMt, LuaTable emptyArrayMt) {
    static ArrayMarkers create() {
        return new ArrayMarkers(new LuaTable(), new LuaTable());
    }
}
