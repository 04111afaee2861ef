package io.jresty.core.cjson;

import io.jresty.core.lua.LuaNull;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** lua-cjson ("cjson" and "cjson.safe") on Jackson, registered in package.preload. */
public final class CJsonModule {
    /** {@code cjson.null}: lua-cjson's NULL light userdata, the same value as {@code ngx.null}. */
    public static final LuaValue NULL = LuaNull.NULL;
    /** {@code cjson.empty_array}: encodes as {@code []}. */
    public static final LuaValue EMPTY_ARRAY = new JsonSentinel("0x" + Integer.toHexString(
            System.identityHashCode(CJsonModule.class)));

    private CJsonModule() {}

    /** Registers "cjson" and "cjson.safe" in this state's package.preload. */
    public static void preload(Globals g) {
        ArrayMarkers markers = ArrayMarkers.of(g);
        LuaValue preload = g.get("package").get("preload");
        preload.set("cjson", loader("cjson", markers, false));
        preload.set("cjson.safe", loader("cjson.safe", markers, true));
    }

    private static LuaValue loader(String name, ArrayMarkers markers, boolean safe) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return CJsonInstance.create(markers, safe);
            }
        };
    }
}
