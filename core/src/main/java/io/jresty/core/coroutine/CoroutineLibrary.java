package io.jresty.core.coroutine;

import io.jresty.core.lua.NamedFunction;
import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The coroutine table on {@link VirtualCoroutine}s, with Lua 5.1 / LuaJIT behaviour: running()
 * is nil on the main thread, resume hands back the error value itself, yield outside a
 * coroutine fails with LuaJIT's words, wrap rethrows the error value.
 */
public final class CoroutineLibrary {
    private CoroutineLibrary() {}

    /** Replaces the functions of g's coroutine table. */
    public static void install(Globals g) {
        LuaValue coroutine = g.get("coroutine");
        if (!coroutine.istable()) {
            coroutine = new LuaTable();
            g.set("coroutine", coroutine);
        }
        coroutine.set("create", NamedFunction.of("create", args -> new VirtualCoroutine(g, checkFunction(args, "create"))));
        coroutine.set("resume", NamedFunction.of("resume", args -> coroutine(args, "resume").resume(g, args.subargs(2))));
        coroutine.set("yield", NamedFunction.of("yield", CoroutineLibrary::yield));
        coroutine.set("status", NamedFunction.of("status", args -> LuaValue.valueOf(coroutine(args, "status").getStatus())));
        coroutine.set("running", NamedFunction.of("running", args -> {
            VirtualCoroutine co = VirtualCoroutine.current();
            return co == null ? LuaValue.NIL : co;
        }));
        coroutine.set("isyieldable", NamedFunction.of("isyieldable",
                args -> LuaValue.valueOf(VirtualCoroutine.current() != null)));
        coroutine.set("wrap", NamedFunction.of("wrap", args -> new Wrapped(new VirtualCoroutine(g, checkFunction(args, "wrap")), g)));
    }

    private static Varargs yield(Varargs args) {
        VirtualCoroutine co = VirtualCoroutine.current();
        if (co == null) {
            // LuaJIT's words when the main thread yields
            throw new LuaError("attempt to yield across C-call boundary");
        }
        return co.yield(args);
    }

    private static LuaValue checkFunction(Varargs args, String name) {
        LuaValue f = args.arg1();
        if (!f.isfunction()) {
            throw new LuaError("bad argument #1 to '" + name + "' (function expected, got "
                    + (args.narg() == 0 ? "no value" : f.typename()) + ")");
        }
        return f;
    }

    private static VirtualCoroutine coroutine(Varargs args, String name) {
        if (args.arg1() instanceof VirtualCoroutine co) {
            return co;
        }
        throw new LuaError("bad argument #1 to '" + name + "' (coroutine expected)");
    }


    /** The function coroutine.wrap returns; in a worker forked from this state, over that worker's copy. */
    private static final class Wrapped extends VarArgFunction implements Forkable {
        private final VirtualCoroutine co;
        private final Globals g;

        Wrapped(VirtualCoroutine co, Globals g) {
            this.co = co;
            this.g = g;
            this.name = "wrap";
        }

        @Override
        public Varargs invoke(Varargs args) {
            Varargs r = co.resume(g, args);
            if (!r.arg1().toboolean()) {
                LuaValue error = r.arg(2);
                throw error.isstring() ? new LuaError(error.tojstring(), 0) : new LuaError(error);
            }
            return r.subargs(2);
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            return new Wrapped((VirtualCoroutine) copy.of(co), copy.target());
        }
    }
}
