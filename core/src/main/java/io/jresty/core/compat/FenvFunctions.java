package io.jresty.core.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * setfenv/getfenv of Lua 5.1 on functions; levels 0 and 1 mean the global environment.
 * LuaJ keeps no call stack without its debug library, so the environment of a running
 * function cannot be found by level: setfenv(level, t) raises an error saying so.
 */
final class FenvFunctions {
    private FenvFunctions() {}

    static void install(Globals g) {
        g.set("getfenv", new Builtin("getfenv", args -> {
            LuaValue f = args.arg1();
            if (f.isnil() || f.type() == LuaValue.TNUMBER) {
                level(args, "getfenv");
                return g;
            }
            return FunctionEnv.get(Builtin.function(args, 1, "getfenv"), g);
        }));
        g.set("setfenv", new Builtin("setfenv", args -> {
            LuaValue f = args.arg1();
            LuaValue env = Builtin.table(args, 2, "setfenv");
            if (f.type() == LuaValue.TNUMBER) {
                level(args, "setfenv");
                throw new LuaError("'setfenv' on a stack level is not supported by jresty: pass the function itself");
            }
            Builtin.function(args, 1, "setfenv");
            if (!FunctionEnv.set(f, env, FunctionEnv.get(f, g))) {
                throw new LuaError("'setfenv' cannot change environment of given object");
            }
            return f;
        }));
    }

    private static void level(Varargs args, String function) {
        if (args.isnoneornil(1)) {
            return;
        }
        double level = Builtin.number(args, 1, function);
        if (level < 0) {
            throw Builtin.badArgument(1, function, "level must be non-negative");
        }
    }
}
