package io.jresty.ngx.socket;

import io.jresty.ngx.NgxContext;
import org.luaj.vm2.LuaTable;

/**
 * The Lua object ngx.socket.tcp() returns: a table (as in lua-nginx-module, so libraries
 * may keep fields in it) that holds the connection, its timeouts and the request that
 * connected it. Used only by that request's Lua, under the worker lock or while that
 * request waits on it.
 */
final class TcpSocket extends LuaTable {
    TcpConnection connection;
    /** The request (or timer context) that connected it: others get "bad request". */
    Object owner;
    /** Per-object timeouts from settimeout(s); 0 means the lua_socket_*_timeout default. */
    long connectTimeout;
    long sendTimeout;
    long readTimeout;
    boolean readClosed;
    boolean busyReading;
    boolean busyWriting;

    static Object ownerOf(NgxContext ctx) {
        if (ctx == null) {
            return null;
        }
        return ctx.request() != null ? ctx.request() : ctx;
    }

    boolean connected() {
        return connection != null;
    }

    /** Drops the connection (closed, or handed to a pool). */
    TcpConnection detach() {
        TcpConnection c = connection;
        connection = null;
        readClosed = false;
        return c;
    }

    void closeConnection() {
        TcpConnection c = detach();
        if (c != null) {
            c.close();
        }
    }

    long connectTimeout(SocketDefaults d) {
        return connectTimeout > 0 ? connectTimeout : d.connectTimeout();
    }

    long sendTimeout(SocketDefaults d) {
        return sendTimeout > 0 ? sendTimeout : d.sendTimeout();
    }

    long readTimeout(SocketDefaults d) {
        return readTimeout > 0 ? readTimeout : d.readTimeout();
    }
}
