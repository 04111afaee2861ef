package io.jresty.core.compile;

/** Finds Lua functions among the Java frames of a stack trace. */
final class LuaFrames {
    private static final String INTERPRETER = "org.luaj.vm2.LuaClosure";

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
}
