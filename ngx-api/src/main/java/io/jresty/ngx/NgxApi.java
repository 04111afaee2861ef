package io.jresty.ngx;

import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.codec.NgxCodec;
import io.jresty.ngx.re.NgxRe;
import io.jresty.ngx.shdict.NgxShared;
import io.jresty.ngx.time.NgxTime;
import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;

/** Builds the global `ngx` table of one worker from the API areas. */
public final class NgxApi {
    private NgxApi() {}

    /** The areas, each one class as lua-nginx-module splits its sources. */
    static List<NgxArea> areas() {
        return List.of(new NgxTime(), new NgxCodec(), new NgxRe(), new NgxShared());
    }

    public static LuaTable install(Globals globals, NgxEnvironment env) {
        LuaTable ngx = new LuaTable();
        for (NgxArea area : areas()) {
            area.install(ngx, env);
        }
        globals.set("ngx", ngx);
        globals.get("package").get("loaded").set("ngx", ngx);
        return ngx;
    }
}
