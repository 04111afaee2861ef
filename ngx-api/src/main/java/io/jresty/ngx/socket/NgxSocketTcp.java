package io.jresty.ngx.socket;

import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.socket.tcp (and its aliases ngx.socket.stream and ngx.socket.connect): cosocket
 * objects whose methods block only the calling request, as lua-nginx-module's yield.
 */
public final class NgxSocketTcp implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable methods = new LuaTable();
        ApiTable api = new ApiTable("ngx.socket.tcp:", methods);
        new TcpMethods(env, pools(env)).define(api);
        new TcpTransfer(env).define(api);
        new TlsHandshake(env).define(api);
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, methods);

        ApiTable socket = new ApiTable("ngx.socket.", socketTable(ngx));
        socket.anywhere("tcp", Contexts.YIELDABLE, (ctx, a) -> {
            if (a.narg() != 0) {
                throw new ApiError("expecting zero arguments, but got " + a.narg());
            }
            return create(meta);
        });
        socket.table().set("stream", socket.table().get("tcp"));
        LuaValue connect = methods.get("connect");
        socket.anywhere("connect", Contexts.YIELDABLE, (ctx, a) -> {
            TcpSocket s = create(meta);
            Varargs r = connect.invoke(LuaValue.varargsOf(s, a));
            return r.arg1().isnil() ? r : s;
        });
    }

    /**
     * Closes the cosockets (tcp and udp) the request left open; the server calls it once
     * the request is done, after its log phase.
     */
    public static void cleanup(io.jresty.ngx.request.NgxRequest request) {
        RequestSockets.closeAll(request);
    }

    private static TcpSocket create(LuaTable meta) {
        TcpSocket s = new TcpSocket();
        s.setmetatable(meta);
        return s;
    }

    /** ngx.socket, shared with the udp area. */
    static LuaTable socketTable(LuaTable ngx) {
        LuaValue t = ngx.get("socket");
        if (t.istable()) {
            return (LuaTable) t;
        }
        LuaTable socket = new LuaTable();
        ngx.set("socket", socket);
        return socket;
    }

    /** The server-wide pools; an environment without services gets pools of its own. */
    private static ConnectionPools pools(NgxEnvironment env) {
        try {
            return env.service(ConnectionPools.class, ConnectionPools::new);
        } catch (UnsupportedOperationException e) {
            return new ConnectionPools();
        }
    }
}
