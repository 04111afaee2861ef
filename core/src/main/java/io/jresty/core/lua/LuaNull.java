package io.jresty.core.lua;

import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * The one null sentinel shared by ngx.null and cjson.null: in OpenResty both are the
 * light userdata NULL, so {@code ngx.null == cjson.null} holds.
 */
public final class LuaNull {
    private LuaNull() {}

    public static final LuaValue NULL = new LuaUserdata("null") {
        @Override
        public String tojstring() {
            return "userdata: NULL";
        }
    };

    public static boolean isNull(LuaValue v) {
        return v == NULL;
    }
}
