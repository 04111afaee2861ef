package io.jresty.ngx.socket;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** connect()'s options table: a custom pool name, the pool's size and its backlog. */
record ConnectOptions(String pool, int poolSize, int backlog) {
    static final ConnectOptions NONE = new ConnectOptions(null, 0, -1);

    static ConnectOptions parse(LuaTable t, int argn, int defaultPoolSize) {
        int size = 0;
        LuaValue v = t.get("pool_size");
        if (v.type() == LuaValue.TNUMBER || SocketArgs.isNumber(v)) {
            size = (int) v.todouble();
            if (size <= 0) {
                throw SocketArgs.argError(argn, "connect", "bad \"pool_size\" option value: " + size);
            }
        } else if (!v.isnil()) {
            throw SocketArgs.argError(argn, "connect", "bad \"pool_size\" option type: " + v.typename());
        }
        int backlog = -1;
        v = t.get("backlog");
        if (SocketArgs.isNumber(v)) {
            backlog = (int) v.todouble();
            if (backlog < 0) {
                throw SocketArgs.argError(argn, "connect", "bad \"backlog\" option value: " + backlog);
            }
            if (size == 0) {
                size = defaultPoolSize;
            }
        }
        String pool = null;
        v = t.get("pool");
        if (v.type() == LuaValue.TNUMBER || v.type() == LuaValue.TSTRING) {
            pool = v.tojstring();
        } else if (!v.isnil()) {
            throw SocketArgs.argError(argn, "connect", "bad \"pool\" option type: " + v.typename());
        }
        return new ConnectOptions(pool, size, backlog);
    }
}
