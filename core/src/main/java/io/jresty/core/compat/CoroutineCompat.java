package io.jresty.core.compat;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1 details of the coroutine library over LuaJ's: running() is nil on the main thread,
 * resume/wrap hand back the error value itself (LuaJ turns a table into its string), and
 * yield outside a coroutine fails with LuaJIT's message.
 */
final class CoroutineCompat {
    private CoroutineCompat() {}

    static void install(Globals g) {
        LuaValue coroutine = g.get("coroutine");
        LuaValue create = coroutine.get("create");
        LuaValue resume = coroutine.get("resume");
        LuaValue running = coroutine.get("running");
        LuaValue yield = coroutine.get("yield");
        // the error value each failed coroutine raised; LuaJ's resume only keeps its message.
        // Written on the coroutine's thread, read by the resumer after LuaJ's hand-off.
        Map<LuaValue, LuaValue> failures = Collections.synchronizedMap(new WeakHashMap<>());
        Builtin ourCreate = new Builtin("create", args -> {
            LuaValue body = Builtin.function(args, 1, "create");
            return create.call(new Builtin("coroutine", inner -> {
                try {
                    return body.invoke(inner);
                } catch (LuaError e) {
                    failures.put(g.running, e.getMessageObject());
                    throw e;
                }
            }));
        });
        Builtin ourResume = new Builtin("resume", args -> {
            Varargs r = resume.invoke(args);
            if (!r.arg1().toboolean()) {
                LuaValue error = failures.remove(args.arg1());
                if (error != null) {
                    return LuaValue.varargsOf(LuaValue.FALSE, error);
                }
            }
            return r;
        });
        coroutine.set("create", ourCreate);
        coroutine.set("resume", ourResume);
        coroutine.set("wrap", new Builtin("wrap", args -> {
            LuaValue co = ourCreate.call(Builtin.function(args, 1, "wrap"));
            return new Builtin("wrap", inner -> {
                Varargs r = ourResume.invoke(LuaValue.varargsOf(co, inner));
                if (!r.arg1().toboolean()) {
                    throw new LuaError(r.arg(2));
                }
                return r.subargs(2);
            });
        }));
        // 5.1 answers nil on the main thread where 5.2 answers the main thread and true
        coroutine.set("running", new Builtin("running", args -> {
            Varargs r = running.invoke(args);
            return r.arg(2).toboolean() ? LuaValue.NIL : r.arg1();
        }));
        coroutine.set("yield", new Builtin("yield", args -> {
            if (g.running == null || g.running.isMainThread()) {
                // LuaJIT's words when the main thread yields
                throw new LuaError("attempt to yield across C-call boundary");
            }
            return yield.invoke(args);
        }));
    }
}
