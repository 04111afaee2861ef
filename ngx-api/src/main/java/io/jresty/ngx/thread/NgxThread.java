package io.jresty.ngx.thread;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.phase.Contexts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.thread.spawn, wait and kill: light threads as virtual threads under the worker lock. As in
 * OpenResty, spawn runs the new thread first, until it waits or ends; the entry thread's handler
 * ends only when all its light threads have ({@link #finish}).
 */
public final class NgxThread implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        LuaTable thread = new LuaTable();
        ApiTable api = new ApiTable("ngx.thread.", thread);
        api.anywhere("spawn", Contexts.YIELDABLE, (ctx, args) -> spawn(env, entry(ctx), args));
        api.anywhere("wait", Contexts.YIELDABLE, (ctx, args) -> wait(entry(ctx), args));
        api.anywhere("kill", Contexts.YIELDABLE, (ctx, args) -> kill(entry(ctx), args));
        ngx.set("thread", thread);
    }

    private static NgxContext entry(NgxContext ctx) {
        if (ctx == null) {
            throw new ApiError("no request found");
        }
        return ctx;
    }

    private static Varargs spawn(NgxEnvironment env, NgxContext ctx, Varargs args) {
        if (!args.arg1().isfunction()) {
            throw new ApiError("bad argument #1 to 'spawn' (Lua function expected)");
        }
        UserThreads group = UserThreads.of(ctx);
        LightThread child = new LightThread(ctx, group, LightThread.owner(ctx));
        group.add(child);
        CountDownLatch firstWait = new CountDownLatch(1);
        // the parent's own "first wait" belongs to its next real wait, not to this handoff
        Runnable parentsHook = LuaWorker.beforeNextWait(null);
        try {
            child.start(env, (LuaFunction) args.arg1(), args.subargs(2), firstWait::countDown);
            Yielding.wait(ctx, () -> {
                firstWait.await();
                return null;
            });
        } finally {
            LuaWorker.beforeNextWait(parentsHook);
        }
        return child;
    }

    private static Varargs wait(NgxContext ctx, Varargs args) {
        int n = args.narg();
        if (n == 0) {
            throw new ApiError("at least one coroutine should be specified");
        }
        Object self = LightThread.owner(ctx);
        List<LightThread> threads = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            LightThread t = userThread(args, i, "wait");
            if (t == null) {
                throw new ApiError("attempt to wait on a coroutine that is not a user thread");
            }
            if (t.parent != self) {
                throw new ApiError("only the parent coroutine can wait on the thread");
            }
            threads.add(t);
        }
        UserThreads group = threads.getFirst().group;
        group.lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                LightThread t = threads.get(i);
                if (t.state == LightThread.State.ZOMBIE) {
                    return reap(t);
                }
                if (t.state == LightThread.State.DEAD && i == n - 1) {
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("already waited or killed"));
                }
            }
        } finally {
            group.lock.unlock();
        }
        LightThread first = Yielding.wait(ctx, () -> group.awaitAny(threads));
        if (first == null) {
            throw exitOf(group);
        }
        group.lock.lock();
        try {
            return reap(first);
        } finally {
            group.lock.unlock();
        }
    }

    private static Varargs reap(LightThread t) {
        t.state = LightThread.State.DEAD;
        Varargs results = t.results;
        t.results = LuaValue.NONE;
        return results;
    }

    private static Varargs kill(NgxContext ctx, Varargs args) {
        LightThread t = userThread(args, 1, "kill");
        if (t == null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("not user thread"));
        }
        if (t.parent != LightThread.owner(ctx)) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("killer not parent"));
        }
        t.group.lock.lock();
        try {
            switch (t.state) {
                case ZOMBIE -> {
                    t.state = LightThread.State.DEAD;
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("already terminated"));
                }
                case DEAD -> {
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("already waited or killed"));
                }
                default -> {
                    t.state = LightThread.State.DEAD;
                    t.kill();
                    return LuaValue.valueOf(1);
                }
            }
        } finally {
            t.group.lock.unlock();
        }
    }

    /** The light thread at args[i]; null for a coroutine that is no light thread. */
    private static LightThread userThread(Varargs args, int i, String function) {
        LuaValue v = args.arg(i);
        if (v instanceof LightThread t) {
            return t;
        }
        if (v.type() == LuaValue.TTHREAD) {
            return null;
        }
        throw new ApiError("bad argument #" + i + " to '" + function + "' (lua thread expected)");
    }

    private static Error exitOf(UserThreads group) {
        NgxExit exit = group.exit();
        return LightThread.current() == null && exit != null ? exit : new ThreadKilled();
    }

    /**
     * Called by whoever runs an entry thread (a *_by_lua handler, a timer callback) when its
     * function returned: waits, with the worker lock released, until every light thread it
     * spawned has ended, as nginx keeps the request until then. Rethrows a light thread's
     * ngx.exit as the entry's own.
     */
    public static void finish(NgxContext ctx) {
        UserThreads group = UserThreads.existing(ctx);
        if (group == null) {
            return;
        }
        try {
            // threads spawned meanwhile join the same group, so this waits for them too
            Yielding.wait(ctx, () -> {
                group.awaitAll();
                return null;
            });
        } catch (RuntimeException | Error e) {
            group.killAll();
            throw e;
        } finally {
            UserThreads.remove(ctx);
        }
        NgxExit exit = group.exit();
        if (exit != null) {
            group.killAll();
            throw exit;
        }
    }

    /** Called when an entry thread ended abnormally (error, ngx.exit): its light threads end too. */
    public static void abandon(NgxContext ctx) {
        UserThreads group = UserThreads.remove(ctx);
        if (group != null) {
            group.killAll();
        }
    }
}
