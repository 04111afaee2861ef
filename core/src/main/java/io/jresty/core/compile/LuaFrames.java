package io.jresty.core.compile;

import org.luaj.vm2.Prototype;

/** Finds Lua functions among the Java frames of a stack trace. */
final class LuaFrames {
    private static final String INTERPRETER = "org.luaj.vm2.LuaClosure";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Whether LuaJC writes instructions (pc + 1) into line tables, see io.jresty.core.compat.build.LuaJavaBuilderPatch. */
    private static final boolean PC_LINES = pcLines();

    private LuaFrames() {}

    /**
     * The frame of the Lua function {@code level} calls up from the top (1 = innermost), or
     * null when that function is interpreted (no line to read) or the stack is shallower.
     * Each Lua call is one Java frame: the body method of a class from a {@link LuaClassLoader},
     * or one {@code LuaClosure.execute} for interpreted code.
     */
    static StackTraceElement at(StackTraceElement[] trace, int level) {
        int seen = 0;
        for (StackTraceElement frame : trace) {
            boolean compiled = LuaClassLoader.NAME.equals(frame.getClassLoaderName());
            boolean interpreted = !compiled
                    && INTERPRETER.equals(frame.getClassName()) && "execute".equals(frame.getMethodName());
            if (compiled || interpreted) {
                seen++;
                if (seen == level) {
                    return compiled && frame.getLineNumber() > 0 ? frame : null;
                }
            }
        }
        return null;
    }

    /**
     * The prototype of a compiled function's frame from a trace, when that function is running on
     * this thread now (a trace element does not keep its class, the live stack does); else null.
     */
    static Prototype prototype(StackTraceElement frame) {
        return WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c.getName().equals(frame.getClassName()) && c.getClassLoader() instanceof LuaClassLoader)
                .findFirst()
                .map(LuaClassLoader::prototypeOf)
                .orElse(null));
    }

    /**
     * Whether an error was raised by the VM itself in the innermost Lua function: between where
     * it was thrown and that function's frame are only LuaJ's value classes. A library function
     * in between (a comparator table.sort calls) or a pending tail call being run for the
     * function (LuaJ finishes {@code return f()} in the caller) means the failing instruction
     * is not one of this function's.
     */
    static boolean raisedByVm(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            String c = frame.getClassName();
            if (LuaClassLoader.NAME.equals(frame.getClassLoaderName())
                    || (INTERPRETER.equals(c) && "execute".equals(frame.getMethodName()))) {
                return true;
            }
            boolean vm = c.startsWith("org.luaj.vm2.") && !c.startsWith("org.luaj.vm2.lib.")
                    && !c.equals("org.luaj.vm2.TailcallVarargs") && !c.equals(INTERPRETER);
            if (!vm) {
                return false;
            }
        }
        return false;
    }

    /**
     * The Lua instruction a compiled frame is at: its line table holds pc + 1 rather than the
     * Lua line. -1 when unknown (no prototype, or LuaJC's unpatched line tables).
     */
    static int pc(Prototype p, int javaLine) {
        return PC_LINES && p != null && javaLine >= 1 && javaLine <= p.code.length ? javaLine - 1 : -1;
    }

    /** The Lua line of a compiled frame's line-table entry; -1 when unknown. */
    static int line(Prototype p, int javaLine) {
        if (!PC_LINES) {
            return javaLine;
        }
        int pc = pc(p, javaLine);
        return pc >= 0 && p.lineinfo != null && pc < p.lineinfo.length ? p.lineinfo[pc] : -1;
    }

    private static boolean pcLines() {
        try {
            Class.forName("org.luaj.vm2.luajc.JavaBuilder").getDeclaredField("jrestyPcLines");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
