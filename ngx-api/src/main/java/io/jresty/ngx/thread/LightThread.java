package io.jresty.ngx.thread;

import io.jresty.core.budget.LuaTimeout;
import io.jresty.core.compile.LuaCalls;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.control.NgxExit;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A light thread of ngx.thread.spawn, as Lua sees it (a value of type "thread"): a virtual thread
 * that runs its function under the same worker lock, with its parent's request, ngx.ctx and phase.
 */
public final class LightThread extends LuaValue {
    /** As lua-nginx-module's co_status: running, finished but not waited for, waited for or killed. */
    enum State { RUNNING, ZOMBIE, DEAD }

    private static final ThreadLocal<LightThread> CURRENT = new ThreadLocal<>();

    final NgxContext ctx;
    final UserThreads group;
    /** The spawning light thread, or the entry's context when the entry thread spawned it. */
    final Object parent;
    /** Guarded by group.lock, as are finishOrder and results. */
    State state = State.RUNNING;
    long finishOrder;
    Varargs results = LuaValue.NONE;
    private volatile boolean killed;
    private volatile Thread carrier;

    LightThread(NgxContext ctx, UserThreads group, Object parent) {
        this.ctx = ctx;
        this.group = group;
        this.parent = parent;
    }

    /** The light thread running on this Java thread, or null on an entry thread. */
    public static LightThread current() {
        return CURRENT.get();
    }

    /** Lua in a coroutine runs in its resumer's place: same request context, same light thread. */
    static void carryIntoCoroutines() {
        io.jresty.core.coroutine.ThreadCarriers.register(new ContextCarrier());
        io.jresty.core.coroutine.ThreadCarriers.register(new LightThreadCarrier());
    }

    private static final class ContextCarrier implements io.jresty.core.coroutine.ThreadCarriers.Carrier<NgxContext> {
        @Override
        public NgxContext capture() {
            return NgxContext.current();
        }

        @Override
        public void install(NgxContext value) {
            NgxContext.enter(value);
        }
    }

    private static final class LightThreadCarrier
            implements io.jresty.core.coroutine.ThreadCarriers.Carrier<LightThread> {
        @Override
        public LightThread capture() {
            return CURRENT.get();
        }

        @Override
        public void install(LightThread value) {
            CURRENT.set(value);
        }
    }

    /** Who spawns or waits on this Java thread: its light thread, else the entry's context. */
    static Object owner(NgxContext ctx) {
        LightThread self = CURRENT.get();
        return self != null ? self : ctx;
    }

    boolean killed() {
        return killed;
    }

    /** Ends the thread at its next wait or Lua instruction; it runs no more Lua after that. */
    void kill() {
        killed = true;
        Thread t = carrier;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    /** Starts the virtual thread; firstWait runs when it first waits or ends, whichever comes first. */
    void start(NgxEnvironment env, LuaFunction body, Varargs args, Runnable firstWait) {
        start(env, body, args, firstWait, io.jresty.core.coroutine.CoroutineScope.current());
    }

    /** As {@link #start(NgxEnvironment, LuaFunction, Varargs, Runnable)}, in the given coroutine scope. */
    void start(NgxEnvironment env, LuaFunction body, Varargs args, Runnable firstWait,
            io.jresty.core.coroutine.CoroutineScope coroutines) {
        carrier = Thread.ofVirtual().name("ngx.thread").unstarted(() -> {
            io.jresty.core.coroutine.CoroutineScope.join(coroutines);
            io.jresty.core.worker.LuaWorker.beforeNextWait(firstWait);
            try {
                ctx.worker().run(() -> runBody(env, body, args));
            } finally {
                Runnable pending = io.jresty.core.worker.LuaWorker.beforeNextWait(null);
                if (pending != null) {
                    pending.run();
                }
            }
        });
        carrier.start();
    }

    private void runBody(NgxEnvironment env, LuaFunction body, Varargs args) {
        CURRENT.set(this);
        try (NgxContext.Scope s = NgxContext.enter(ctx)) {
            if (killed) {
                group.finished(this, LuaValue.NONE);
                return;
            }
            Varargs values = LuaCalls.call(body, args);
            group.finished(this, LuaValue.varargsOf(LuaValue.TRUE, values));
        } catch (NgxExit e) {
            group.exited(this, e);
        } catch (ThreadKilled | LuaTimeout e) {
            if (!killed) {
                aborted(env, e.getMessage());
            } else {
                group.finished(this, LuaValue.NONE);
            }
        } catch (LuaError e) {
            aborted(env, e.getMessage());
        } catch (RuntimeException e) {
            aborted(env, String.valueOf(e));
        } finally {
            CURRENT.remove();
            Thread.interrupted();
        }
    }

    private void aborted(NgxEnvironment env, String message) {
        AbortLog.log(env, ctx, "lua user thread aborted: runtime error: " + message);
        group.finished(this, LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(String.valueOf(message))));
    }

    @Override
    public int type() {
        return TTHREAD;
    }

    @Override
    public String typename() {
        return "thread";
    }
}
