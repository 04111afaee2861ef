package io.jresty.core.lua;

import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A Lua function written as a Java lambda, under the name LuaJ's argument errors and
 * {@code tostring} give it: the one way built-in modules (coroutine, ffi, lrucache, ngx.*)
 * make their functions.
 */
public final class NamedFunction extends VarArgFunction {
    /** Lua arguments in, Lua results out. */
    @FunctionalInterface
    public interface Body {
        Varargs call(Varargs args);
    }

    private final Body body;

    private NamedFunction(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    public static NamedFunction of(String name, Body body) {
        return new NamedFunction(name, body);
    }

    @Override
    public Varargs invoke(Varargs args) {
        return body.call(args);
    }
}
