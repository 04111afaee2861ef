package io.jresty.ngx.dynacode;

import io.jresty.core.dynacode.Plugin;
import io.jresty.core.dynacode.PluginSpec;
import java.util.WeakHashMap;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The `plugin` tables event listeners receive ({name, code, phase, id, domain}), one per
 * plugin per worker, so a listener sees the same table each time. Used under the worker's lock.
 */
final class PluginTables {
    private final WeakHashMap<Object, LuaTable> tables = new WeakHashMap<>();

    LuaTable of(Plugin plugin) {
        return tables.computeIfAbsent(plugin, p -> {
            LuaTable t = table(plugin.spec());
            t.set("domain", plugin.domain());
            return t;
        });
    }

    LuaTable of(PluginSpec spec) {
        return tables.computeIfAbsent(spec, s -> table(spec));
    }

    private static LuaTable table(PluginSpec spec) {
        LuaTable t = new LuaTable();
        t.set("name", spec.name() == null ? LuaValue.NIL : LuaValue.valueOf(spec.name()));
        t.set("code", spec.code() == null ? LuaValue.NIL : LuaValue.valueOf(spec.code()));
        t.set("phase", spec.phase() == null ? LuaValue.NIL : LuaValue.valueOf(spec.phase()));
        if (spec.id() != null) {
            t.set("id", spec.id());
        }
        return t;
    }
}
