package io.jresty.ngx.restycore;

import io.jresty.core.module.LuaModules;
import io.jresty.ngx.NgxEnvironment;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua-resty-core's public modules beyond ngx.re/ngx.semaphore/ngx.balancer, preloaded so that
 * require finds them before Debian's FFI files on the default package.path (those need a real
 * LuaJIT FFI and nginx's C symbols).
 */
public final class RestyCorePublic {
    /** The lua-resty-core release whose API these modules follow. */
    static final String VERSION = "0.1.28";

    private RestyCorePublic() {}

    public static void preload(Globals g, NgxEnvironment env) {
        module(g, "ngx.process", NgxProcess.module(env));
        module(g, "ngx.base64", NgxBase64Url.module());
        module(g, "ngx.req", AddHeader.requestModule());
        module(g, "ngx.resp", AddHeader.responseModule(env));
        module(g, "ngx.errlog", NgxErrlog.module(env));
        // jresty serves no TLS handshake phase and runs no child processes: failing at require
        // tells a port at once what is missing, and pcall(require, ...) is how libraries probe
        unsupported(g, "ngx.ssl", "jresty has no ssl_certificate_by_lua / ssl_client_hello_by_lua phase");
        unsupported(g, "ngx.ssl.session", "jresty has no ssl_session_fetch_by_lua / ssl_session_store_by_lua phase");
        unsupported(g, "ngx.ssl.clienthello", "jresty has no ssl_client_hello_by_lua phase");
        unsupported(g, "ngx.ocsp", "jresty has no TLS server handshake to staple to");
        unsupported(g, "ngx.pipe", "jresty does not spawn sub-processes");
    }

    private static void module(Globals g, String name, LuaTable table) {
        table.set("version", VERSION);
        LuaModules.preload(g, name, LuaModules.constant(name, table));
    }

    private static void unsupported(Globals g, String module, String why) {
        LuaModules.preload(g, module, new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                throw new LuaError("module '" + module + "' is not supported: " + why);
            }
        });
    }
}
