package io.jresty.ngx.shdict;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * ngx.shared: one object per lua_shared_dict zone, with the methods of lua-resty-core's
 * shdict (get, set, incr, the list operations, ttl, expire, flush_*, get_keys, capacity,
 * free_space). The objects are this worker's; the zones behind them are shared by all.
 */
public final class NgxShared implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable methods = new LuaTable();
        DictMethods.define(new ApiTable("ngx.shared.DICT:", methods));
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, methods);
        LuaTable shared = new LuaTable();
        for (Map.Entry<String, SharedDictZone> zone : env.sharedDicts().zones().entrySet()) {
            DictObject dict = new DictObject(zone.getValue());
            dict.setmetatable(meta);
            shared.set(zone.getKey(), dict);
        }
        ngx.set("shared", shared);
    }

    /** The Lua face of one zone: a table (as in lua-resty-core) that knows its zone. */
    static final class DictObject extends LuaTable {
        final SharedDictZone zone;

        DictObject(SharedDictZone zone) {
            this.zone = zone;
        }
    }
}
