package io.jresty.core.compat;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * setfenv/getfenv of Lua 5.1: on a function, on a stack level (1 = the calling function, found
 * by {@link StackLevels}), and on level 0, the environment of the running thread, which
 * loadstring and load give the chunks they make.
 */
final class FenvFunctions {
    /** Environments set with setfenv(0, t), per Lua thread (coroutine); weak, so a finished one goes. */
    private static final Map<LuaThread, LuaValue> THREAD_ENVS = Collections.synchronizedMap(new WeakHashMap<>());

    private FenvFunctions() {}

    static void install(Globals g) {
        g.set("getfenv", new Builtin("getfenv", args -> {
            LuaValue f = args.arg1();
            if (!f.isfunction()) {
                int level = level(args, "getfenv", 1);
                if (level == 0) {
                    return threadEnv(g);
                }
                f = function(level, "getfenv");
                if (f == null) {
                    // a frame the JIT no longer keeps its function for: the globals are the best answer
                    return g;
                }
            }
            return FunctionEnv.get(f, g);
        }));
        g.set("setfenv", new Builtin("setfenv", args -> {
            LuaValue f = args.arg1();
            LuaValue env = Builtin.table(args, 2, "setfenv");
            if (!f.isfunction()) {
                int level = level(args, "setfenv", -1);
                if (level == 0) {
                    THREAD_ENVS.put(g.running, env);
                    return LuaValue.NONE;
                }
                f = function(level, "setfenv");
                if (f == null) {
                    // nothing in that call reads its environment any more
                    return LuaValue.NONE;
                }
            }
            if (!FunctionEnv.set(f, env, FunctionEnv.get(f, g))) {
                throw new LuaError("'setfenv' cannot change environment of given object");
            }
            return f;
        }));
    }

    /** The environment of the running thread: the globals unless setfenv(0, t) changed it. */
    static LuaValue threadEnv(Globals g) {
        LuaValue env = THREAD_ENVS.get(g.running);
        return env == null ? g : env;
    }

    /** The level argument; {@code absent} when it may be omitted (getfenv()), else -1. */
    private static int level(Varargs args, String function, int absent) {
        if (absent >= 0 && args.isnoneornil(1)) {
            return absent;
        }
        double level = Builtin.number(args, 1, function);
        if (level < 0) {
            throw Builtin.badArgument(1, function, "invalid level");
        }
        return (int) level;
    }

    private static LuaValue function(int level, String caller) {
        StackLevels.Level found = StackLevels.at(level, caller);
        if (!found.exists()) {
            throw Builtin.badArgument(1, caller, "invalid level");
        }
        return found.function();
    }
}
