package io.jresty.core.budget;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The budget check for LuaJ's interpreter, which has no back-edge hook of its own: the
 * interpreter calls {@code onInstruction} before every instruction whenever a debug library
 * is installed. This one ticks the budget and does nothing else (no call stack, no hooks), so
 * it costs far less than LuaJ's own debug library. It does not register the {@code debug} table.
 */
public final class BudgetDebugLib extends DebugLib {
    /** Makes the interpreter of this state check the budget; replaces any debug library hooks. */
    public static void install(Globals globals) {
        globals.debuglib = new BudgetDebugLib();
    }

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        env.checkglobals().debuglib = this;
        return NIL;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        Budget.tick();
    }

    @Override
    public void onCall(LuaFunction f) {}

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {}

    @Override
    public void onReturn() {}

    /** LuaJ appends this to interpreter errors when a debug library is present; keep it empty. */
    @Override
    public String traceback(int level) {
        return "";
    }
}
