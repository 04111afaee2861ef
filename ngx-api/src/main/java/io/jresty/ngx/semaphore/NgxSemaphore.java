package io.jresty.ngx.semaphore;

import io.jresty.core.lua.NamedFunction;
import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import io.jresty.core.module.LuaModules;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.thread.Yielding;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * lua-resty-core's {@code ngx.semaphore} module (require "ngx.semaphore"): new(n), and on each
 * object wait(timeout), post(n) and count(). A waiting thread holds no worker lock, so a post
 * from another request, timer or light thread of the same worker can wake it.
 */
public final class NgxSemaphore {
    private static final String VERSION = "0.1.28";

    private NgxSemaphore() {}

    /** Makes require "ngx.semaphore" return this module in that Lua state. */
    public static void preload(Globals globals) {
        LuaModules.preload(globals, "ngx.semaphore", LuaModules.constant("ngx.semaphore", module()));
    }

    static LuaTable module() {
        LuaTable m = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__index", m);
        m.set("version", VERSION);
        m.set("new", NamedFunction.of("new", args -> create(meta, args)));
        m.set("wait", NamedFunction.of("wait", NgxSemaphore::await));
        m.set("post", NamedFunction.of("post", NgxSemaphore::post));
        m.set("count", NamedFunction.of("count", args -> LuaValue.valueOf(semaphore(args).count())));
        return m;
    }

    private static Varargs create(LuaTable meta, Varargs args) {
        LuaValue n = args.arg1().tonumber();
        double count = n.isnil() ? 0 : n.todouble();
        if (count < 0) {
            throw new ApiError("no negative number");
        }
        LuaTable sema = new LuaTable();
        sema.set("sem", new Handle(new Semaphore((int) count)));
        sema.setmetatable(meta);
        return sema;
    }

    private static Varargs await(Varargs args) {
        Semaphore sem = semaphore(args);
        NgxContext ctx = NgxContext.current();
        if (ctx == null) {
            throw new ApiError("no request found");
        }
        LuaValue seconds = args.arg(2).tonumber();
        if (seconds.isnil()) {
            throw new ApiError("attempt to perform arithmetic on a nil value");
        }
        double millis = seconds.todouble() * 1000;
        if (millis < 0) {
            throw new ApiError("no negative number");
        }
        if (!Contexts.YIELDABLE.contains(ctx.phase())) {
            return failure("API disabled in the context of " + ctx.phase().contextName());
        }
        if (sem.tryTake()) {
            return LuaValue.TRUE;
        }
        long wait = (long) millis;
        if (wait == 0) {
            return failure("timeout");
        }
        Semaphore.Waiter waiter = sem.enqueue();
        boolean granted = Yielding.wait(ctx, () -> sem.await(waiter, wait));
        // after a real wait OpenResty resumes the thread with false (not nil), "timeout"
        return granted ? LuaValue.TRUE : LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("timeout"));
    }

    private static Varargs post(Varargs args) {
        Semaphore sem = semaphore(args);
        LuaValue n = args.arg(2);
        double num = n.isnil() ? 1 : n.tonumber().optdouble(Double.NaN);
        if (Double.isNaN(num)) {
            throw new ApiError("attempt to compare nil with number");
        }
        if (num < 1) {
            throw new ApiError("positive number required");
        }
        sem.post((int) num);
        return LuaValue.TRUE;
    }

    private static Semaphore semaphore(Varargs args) {
        LuaValue self = args.arg1();
        if (self.istable() && self.rawget("sem").touserdata() instanceof Semaphore s) {
            return s;
        }
        throw new ApiError("not a semaphore instance");
    }

    private static Varargs failure(String err) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(err));
    }


    /**
     * The Java semaphore inside a semaphore object. One made by init_by_lua is, in every other
     * worker, a semaphore of that worker's own with the same count, as nginx's fork copies it.
     */
    private static final class Handle extends LuaUserdata implements Forkable {
        Handle(Semaphore semaphore) {
            super(semaphore);
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            return new Handle(new Semaphore(Math.max(0, ((Semaphore) m_instance).count())));
        }
    }
}
