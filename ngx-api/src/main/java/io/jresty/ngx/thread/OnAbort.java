package io.jresty.ngx.thread;

import io.jresty.core.coroutine.CoroutineScope;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.control.NgxExit;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * What lua_check_client_abort does when the client closes the connection while a rewrite,
 * access or content handler runs: the ngx.on_abort callback starts as a light thread of that
 * handler (the handler goes on unless it calls ngx.exit), or, with no callback, the handler
 * and its light threads end as after ngx.exit(499). Both are called from outside the Lua
 * code (the connection's I/O thread); the worker lock orders them with the handler's Lua.
 */
public final class OnAbort {
    private final NgxEnvironment env;
    private final NgxContext entry;
    private final LuaFunction callback;
    private final CoroutineScope coroutines;
    private final Thread entryThread;

    private OnAbort(NgxEnvironment env, NgxContext entry, LuaFunction callback) {
        this.env = env;
        this.entry = entry;
        this.callback = callback;
        this.coroutines = CoroutineScope.current();
        UserThreads group = UserThreads.existing(entry);
        this.entryThread = LightThread.current() == null || group == null ? Thread.currentThread() : group.entry();
    }

    /** ngx.on_abort(callback), called by the handler's Lua (its entry thread or one of its light threads). */
    public static OnAbort register(NgxEnvironment env, NgxContext entry, LuaFunction callback) {
        return new OnAbort(env, entry, callback);
    }

    /** The handler the callback belongs to: it is forgotten when that handler ends. */
    public NgxContext entry() {
        return entry;
    }

    /** Starts the callback as a light thread; it runs when the handler's Lua next waits. */
    public void start() {
        UserThreads group = UserThreads.of(entry, entryThread);
        LightThread thread = new LightThread(entry, group, entry);
        group.add(thread);
        thread.start(env, callback, LuaValue.NONE, () -> { }, coroutines);
    }

    /** Ends the handler whose entry is ctx, running on entryThread, as ngx.exit(status) would. */
    public static void stop(NgxContext ctx, Thread entryThread, int status) {
        UserThreads.of(ctx, entryThread).stop(NgxExit.exit(status));
    }
}
