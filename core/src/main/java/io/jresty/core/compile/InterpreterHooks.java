package io.jresty.core.compile;

import io.jresty.core.budget.Budget;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * What compiled code gets from {@link ClassPass}, given to LuaJ's interpreter (the fallback
 * tier) through the only hooks it has: with a debug library installed it calls
 * {@code onInstruction} before every instruction and {@code onCall}/{@code onReturn} around
 * every call. This one ticks the budget, counts frames and puts Lua's {@code chunk:line:}
 * on errors; nothing else (no call stack, no debug hooks), so it costs far less than LuaJ's
 * own debug library. It does not register the {@code debug} table.
 *
 * <p>The depth guard exists because {@code pcall} does not catch Java's StackOverflowError:
 * past {@link #MAX_DEPTH} interpreted calls the next one raises the Lua error
 * {@code stack overflow}, which pcall does catch. Compiled code needs no counter: each of its
 * functions turns a StackOverflowError into that Lua error itself.
 *
 * <p>The hooks only run for closures whose state is a {@link Globals}; a chunk bound to a
 * sandbox table gets them through {@link ChunkCompiler.CompiledChunk#bind(LuaValue, Globals)}.
 */
final class InterpreterHooks extends DebugLib {
    /** Interpreted calls deep; LuaJ's interpreter overflows a 1 MB Java stack at 1,000 to 3,000. */
    static final int MAX_DEPTH = 1000;

    private static final LuaFunction POSITIONER = new Positioner();

    private final Globals state;
    private final boolean budgetChecks;

    private InterpreterHooks(Globals state, boolean budgetChecks) {
        this.state = state;
        this.budgetChecks = budgetChecks;
    }

    static void install(Globals globals, boolean budgetChecks) {
        globals.debuglib = new InterpreterHooks(globals, budgetChecks);
    }

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        env.checkglobals().debuglib = this;
        return NIL;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (budgetChecks) {
            Budget.tick();
        }
    }

    @Override
    public void onCall(LuaFunction f) {
        enter();
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        enter();
    }

    /** LuaJ calls this in a finally for every onCall that returned normally. */
    @Override
    public void onReturn() {
        depth().frames--;
    }

    /** LuaJ appends this to interpreter errors when no error function is set; keep it empty. */
    @Override
    public String traceback(int level) {
        return "";
    }

    private void enter() {
        Depth depth = depth();
        if (depth.frames >= MAX_DEPTH) {
            throw new LuaError("stack overflow");
        }
        depth.frames++;
    }

    /** Each coroutine has its own stack, so its own count; kept where LuaJ keeps a thread's call stack. */
    private Depth depth() {
        LuaThread running = state.running;
        if (running.callstack instanceof Depth depth) {
            return depth;
        }
        Depth depth = new Depth();
        running.callstack = depth;
        if (running.errorfunc == null) {
            // LuaJ passes every interpreter error through the thread's error function (xpcall
            // swaps in its handler for a while): the default one writes Lua's form
            running.errorfunc = POSITIONER;
        }
        return depth;
    }

    private static final class Depth {
        int frames;
    }

    /** Turns the interpreter's {@code =name:3 boom} into Lua's {@code name:3: boom}. */
    private static final class Positioner extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue message) {
            return message.isstring() ? valueOf(LuaErrors.luaForm(message.tojstring())) : message;
        }
    }
}
