package io.jresty.core.compile;

import io.jresty.core.lua.LuaPosition;
import java.util.Optional;

/**
 * Finds "chunk:line" of the innermost compiled Lua function on this thread's stack, for
 * ngx.log's "[lua] chunk:line:" prefix. Compiled functions carry the chunk name in their
 * source-file attribute and Lua instructions in their line tables; interpreted ones have no line
 * to read, so they give no position (as before).
 */
final class CallerPosition {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private CallerPosition() {}

    /** Installs this finder once; the compiler's class initialization calls it. */
    static void install() {
        LuaPosition.finder(CallerPosition::find);
        LuaPosition.nameFinder(CallerName::find);
    }

    static String find() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> LuaClassLoader.NAME.equals(f.getDeclaringClass().getClassLoader() == null
                        ? null : f.getDeclaringClass().getClassLoader().getName()))
                .findFirst());
        return frame.filter(f -> f.getFileName() != null)
                .map(f -> {
                    int line = LuaFrames.line(LuaClassLoader.prototypeOf(f.getDeclaringClass()), f.getLineNumber());
                    return line > 0 ? f.getFileName() + ":" + line : null;
                })
                .orElse(null);
    }
}
