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
        return List.of(
                new io.jresty.ngx.misc.NgxConstants(),
                new io.jresty.ngx.misc.NgxInfo(),
                new io.jresty.ngx.misc.NgxProperties(),
                new io.jresty.ngx.log.NgxLog(),
                new io.jresty.ngx.output.NgxOutput(),
                new io.jresty.ngx.output.NgxArg(),
                new io.jresty.ngx.control.NgxControl(),
                new io.jresty.ngx.var.NgxVar(),
                new io.jresty.ngx.header.NgxHeader(),
                new io.jresty.ngx.req.NgxReq(),
                new NgxTime(),
                new NgxCodec(),
                new NgxRe(),
                new NgxShared(),
                new io.jresty.ngx.socket.NgxSocketTcp(),
                new io.jresty.ngx.socket.NgxSocketUdp(),
                new io.jresty.ngx.sleep.NgxSleep(),
                new io.jresty.ngx.timer.NgxTimer(),
                new io.jresty.ngx.thread.NgxThread(),
                new io.jresty.ngx.location.NgxLocation());
    }

    public static LuaTable install(Globals globals, NgxEnvironment env) {
        LuaTable ngx = new LuaTable();
        for (NgxArea area : areas()) {
            area.install(ngx, env);
        }
        globals.set("ngx", ngx);
        globals.set("print", io.jresty.ngx.log.NgxLog.print(env));
        globals.get("package").get("loaded").set("ngx", ngx);
        // lua-resty-core's require "ngx.re" (split, opt): ngx.re has them too
        globals.get("package").get("loaded").set("ngx.re", ngx.get("re"));
        globals.get("package").get("loaded").set("ngx.balancer", io.jresty.ngx.balancer.NgxBalancer.module());
        io.jresty.ngx.dynacode.DynacodeModule.install(globals, env);
        io.jresty.ngx.semaphore.NgxSemaphore.preload(globals);
        io.jresty.ngx.restycore.RestyCorePublic.preload(globals, env);
        return ngx;
    }
}
