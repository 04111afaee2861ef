package io.jresty.ngx.header;

import java.util.Locale;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.TwoArgFunction;

/** The metatable of get_headers results: h["Content-Type"] and h.content_type find "content-type". */
final class CaseInsensitiveKeys {
    private CaseInsensitiveKeys() {}

    static final LuaTable META = new LuaTable();

    static {
        META.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue key) {
                if (!key.isstring()) {
                    return NIL;
                }
                String normal = key.tojstring().toLowerCase(Locale.ROOT).replace('_', '-');
                return ((LuaTable) table).rawget(normal);
            }
        });
    }
}
