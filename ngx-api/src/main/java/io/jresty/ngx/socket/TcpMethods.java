package io.jresty.ngx.socket;

import static io.jresty.ngx.socket.SocketArgs.CLOSED;
import static io.jresty.ngx.socket.SocketArgs.checkOwner;
import static io.jresty.ngx.socket.SocketArgs.fail;
import static io.jresty.ngx.socket.SocketArgs.self;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import java.io.IOException;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The connection side of a tcp cosocket: connect (with the keepalive pools), close,
 * timeouts, setkeepalive, getreusedtimes and setoption, with lua-nginx-module's checks,
 * return values and error strings.
 */
final class TcpMethods {
    private static final LuaValue ONE = LuaValue.valueOf(1);

    private final NgxEnvironment env;
    private final ConnectionPools pools;

    TcpMethods(NgxEnvironment env, ConnectionPools pools) {
        this.env = env;
        this.pools = pools;
    }

    void define(ApiTable api) {
        api.anywhere("connect", Contexts.YIELDABLE, this::connect);
        api.anywhere("close", Contexts.ANY, this::close);
        api.anywhere("settimeout", Contexts.ANY, TcpMethods::settimeout);
        api.anywhere("settimeouts", Contexts.ANY, TcpMethods::settimeouts);
        api.anywhere("setkeepalive", Contexts.ANY, this::setkeepalive);
        api.anywhere("getreusedtimes", Contexts.ANY, TcpMethods::getreusedtimes);
        api.anywhere("setoption", Contexts.ANY, TcpMethods::setoption);
    }

    static int workerId(NgxContext ctx) {
        return ctx == null ? -1 : ctx.worker().id();
    }

    private Varargs connect(NgxContext ctx, Varargs a) {
        int n = a.narg();
        if (n < 2 || n > 4) {
            throw new ApiError("ngx.socket connect: expecting 2, 3, or 4 arguments (including the object), but seen "
                    + n);
        }
        TcpSocket s = self(a, "connect", TcpSocket.class);
        if (!a.arg(2).isstring()) {
            throw SocketArgs.argError(2, "connect", "string expected, got " + a.arg(2).typename());
        }
        String host = a.arg(2).tojstring();
        SocketDefaults defaults = SocketDefaults.of(ctx);
        ConnectOptions options = ConnectOptions.NONE;
        if (a.arg(n).istable()) {
            options = ConnectOptions.parse((LuaTable) a.arg(n), n, defaults.poolSize());
            n--;
        }
        if (n == 4) {
            n--;
        }
        Peer peer;
        String key;
        if (n == 3 && SocketArgs.isNumber(a.arg(3))) {
            int port = (int) a.arg(3).todouble();
            if (port < 0 || port > 65535) {
                return fail("bad port number: " + port);
            }
            peer = new Peer(host, port, Peer.isUnix(host));
            key = host + ":" + port;
        } else if (Peer.isUnix(host)) {
            peer = Peer.unix(host);
            key = host;
        } else {
            return fail("missing the port number");
        }
        if (options.pool() != null) {
            key = options.pool();
        }
        if (s.connected()) {
            checkOwner(ctx, s.owner);
            if (s.busyReading || s.busyWriting) {
                return fail(s.busyReading ? "socket busy reading" : "socket busy writing");
            }
            s.closeConnection();
        }
        int worker = workerId(ctx);
        SocketPool pool = pools.find(worker, key);
        if (pool == null && options.poolSize() > 0) {
            pool = pools.get(worker, key, options.poolSize(), options.backlog());
        }
        long timeout = s.connectTimeout(defaults);
        SocketPool chosen = pool;
        String poolKey = key;
        Connecting.Outcome outcome;
        s.busyWriting = true;
        try {
            outcome = Waiting.release(ctx, () -> Connecting.connect(chosen, peer, poolKey, timeout));
        } catch (IOException e) {
            outcome = Connecting.Outcome.failed(SocketErrors.of(e), null);
        } finally {
            s.busyWriting = false;
        }
        if (outcome.error() != null) {
            if (outcome.logLine() != null) {
                SocketLog.error(env, ctx, outcome.logLine());
            }
            return fail(outcome.error());
        }
        TcpConnection connected = outcome.connection();
        s.connection = connected;
        s.owner = TcpSocket.ownerOf(ctx);
        RequestSockets.track(ctx, () -> {
            if (s.connection == connected) {
                s.closeConnection();
            }
        });
        s.readClosed = false;
        return ONE;
    }

    private Varargs close(NgxContext ctx, Varargs a) {
        if (a.narg() != 1) {
            throw new ApiError("expecting 1 argument (including the object) but seen " + a.narg());
        }
        TcpSocket s = self(a, "close", TcpSocket.class);
        if (!s.connected()) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        s.closeConnection();
        return ONE;
    }

    private static Varargs settimeout(NgxContext ctx, Varargs a) {
        if (a.narg() != 2) {
            throw new ApiError("ngx.socket settimeout: expecting 2 arguments (including the object) but seen "
                    + a.narg());
        }
        long t = SocketArgs.timeout(a.arg(2));
        TcpSocket s = self(a, "settimeout", TcpSocket.class);
        s.connectTimeout = t;
        s.sendTimeout = t;
        s.readTimeout = t;
        return LuaValue.NONE;
    }

    private static Varargs settimeouts(NgxContext ctx, Varargs a) {
        if (a.narg() != 4) {
            throw new ApiError("ngx.socket settimeout: expecting 4 arguments (including the object) but seen "
                    + a.narg());
        }
        long connect = SocketArgs.timeout(a.arg(2));
        long send = SocketArgs.timeout(a.arg(3));
        long read = SocketArgs.timeout(a.arg(4));
        TcpSocket s = self(a, "settimeouts", TcpSocket.class);
        s.connectTimeout = connect;
        s.sendTimeout = send;
        s.readTimeout = read;
        return LuaValue.NONE;
    }

    private Varargs setkeepalive(NgxContext ctx, Varargs a) {
        int n = a.narg();
        if (n < 1 || n > 3) {
            throw new ApiError("expecting 1 to 3 arguments (including the object), but got " + n);
        }
        TcpSocket s = self(a, "setkeepalive", TcpSocket.class);
        SocketDefaults defaults = SocketDefaults.of(ctx);
        long timeout = n >= 2 && !a.arg(2).isnil() ? integer(a.arg(2), 2) : defaults.keepaliveTimeout();
        int size = n >= 3 && !a.arg(3).isnil() ? (int) integer(a.arg(3), 3) : defaults.poolSize();
        if (!s.connected() || s.readClosed) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        if (s.busyReading || s.busyWriting) {
            return fail(s.busyReading ? "socket busy reading" : "socket busy writing");
        }
        TcpConnection c = s.connection;
        if (c.buffer.size() > 0) {
            return fail("unread data in buffer");
        }
        if (!c.stillIdle()) {
            s.closeConnection();
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        if (env.exiting()) {
            s.closeConnection();
            return ONE;
        }
        int worker = workerId(ctx);
        SocketPool pool = pools.find(worker, c.poolKey);
        if (pool == null) {
            if (size <= 0) {
                throw SocketArgs.argError(n, "setkeepalive", "bad \"pool_size\" option value: " + size);
            }
            pool = pools.get(worker, c.poolKey, size, -1);
        }
        pool.put(s.detach(), timeout);
        return ONE;
    }

    private static long integer(LuaValue v, int argn) {
        if (!SocketArgs.isNumber(v)) {
            throw SocketArgs.argError(argn, "setkeepalive", "number expected, got " + v.typename());
        }
        return (long) v.todouble();
    }

    private static Varargs getreusedtimes(NgxContext ctx, Varargs a) {
        if (a.narg() != 1) {
            throw new ApiError("expecting 1 argument (including the object), but got " + a.narg());
        }
        TcpSocket s = self(a, "getreusedtimes", TcpSocket.class);
        if (!s.connected()) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        return LuaValue.valueOf(s.connection.reusedTimes());
    }

    /** keepalive, tcp-nodelay and reuseaddr take effect; other options are accepted as LuaSocket's are. */
    private static Varargs setoption(NgxContext ctx, Varargs a) {
        TcpSocket s = self(a, "setoption", TcpSocket.class);
        if (!s.connected()) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        try {
            LuaValue v = a.arg(3);
            s.connection.setOption(a.optjstring(2, ""), v.isnumber() ? v.todouble() != 0 : v.toboolean());
        } catch (IOException e) {
            return fail(SocketErrors.of(e));
        }
        return LuaValue.TRUE;
    }
}
