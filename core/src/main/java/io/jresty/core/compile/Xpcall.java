package io.jresty.core.compile;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code xpcall(f, handler, ...)} that works for compiled code. LuaJ's own only hands the
 * error to the handler from inside its interpreter, so errors raised by LuaJC classes skipped
 * the handler altogether; this one calls the handler with the error value once the call has
 * failed. (The handler runs after the stack unwound, so a traceback taken there shows the
 * xpcall, not the error point.)
 */
final class Xpcall extends VarArgFunction {
    static void install(Globals g) {
        if (!g.get("xpcall").isnil()) {
            g.set("xpcall", new Xpcall());
        }
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaValue function = args.arg1();
        LuaValue handler = args.checkvalue(2);
        try {
            return varargsOf(TRUE, function.invoke(args.subargs(3)));
        } catch (LuaError e) {
            return varargsOf(FALSE, XpcallHandler.run(handler, valueOf(e), e));
        } catch (RuntimeException e) {
            // LuaJ's pcall also turns Java exceptions from library code into error values
            String message = e.getMessage();
            return varargsOf(FALSE, XpcallHandler.run(handler, valueOf(message != null ? message : e.toString()), e));
        }
    }

    private static LuaValue valueOf(LuaError e) {
        LuaValue value = LuaErrors.normalized(e).getMessageObject();
        return value != null ? value : NIL;
    }
}
