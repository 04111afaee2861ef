package io.jresty.core.fork;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;

/**
 * The Lua state an interpreted closure runs in. LuaJ keeps it in a package-private field and
 * gives it to the closures the function creates; the interpreter's budget checks and error
 * positions come from it, so a copied closure must get the worker's state, not none.
 */
final class ClosureState {
    private static final VarHandle GLOBALS;

    static {
        try {
            GLOBALS = MethodHandles.privateLookupIn(LuaClosure.class, MethodHandles.lookup())
                    .findVarHandle(LuaClosure.class, "globals", Globals.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ClosureState() {}

    static Globals of(LuaClosure c) {
        return (Globals) GLOBALS.get(c);
    }
}
