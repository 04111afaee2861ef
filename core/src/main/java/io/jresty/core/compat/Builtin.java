package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** A Lua function written as a Java lambda, with C Lua's argument error wording. */
final class Builtin extends VarArgFunction {
    /** The body of a built-in: Lua arguments in, Lua results out. */
    @FunctionalInterface
    interface Body {
        Varargs call(Varargs args);
    }

    private final Body body;

    Builtin(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public Varargs invoke(Varargs args) {
        return body.call(args);
    }

    /** "bad argument #n to 'name' (why)", as lauxlib words it. */
    static LuaError badArgument(int n, String function, String why) {
        return new LuaError("bad argument #" + n + " to '" + function + "' (" + why + ")");
    }

    /** A number argument (numeric strings accepted, as lua_Number arguments are in C Lua). */
    static double number(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        LuaValue d = v.tonumber();
        if (d.isnil()) {
            throw badArgument(n, function, "number expected, got " + typeName(args, n));
        }
        return d.todouble();
    }

    static LuaValue table(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        if (!v.istable()) {
            throw badArgument(n, function, "table expected, got " + typeName(args, n));
        }
        return v;
    }

    static LuaValue function(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        if (!v.isfunction()) {
            throw badArgument(n, function, "function expected, got " + typeName(args, n));
        }
        return v;
    }

    static String typeName(Varargs args, int n) {
        return n > args.narg() ? "no value" : args.arg(n).typename();
    }
}
