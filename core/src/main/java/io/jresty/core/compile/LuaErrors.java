package io.jresty.core.compile;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Gives Lua errors the {@code chunk:line:} prefix Lua puts on them. Compiled chunks call
 * {@link #located} and {@link #stackOverflow} from an exception handler around every function
 * body (see {@link ClassPass}); the request boundary calls {@link #normalized}.
 *
 * <p>The line comes from the Java stack trace: LuaJC writes the Lua line of each instruction
 * into the class's line-number table and the chunk id into its source-file attribute.
 */
public final class LuaErrors {
    private LuaErrors() {}

    /**
     * Adds the position of the Lua function at the error's level, as {@code error(msg, level)}
     * does in Lua, unless the error already has one. Errors whose value is not a string (a
     * table given to {@code error}) stay as they are.
     */
    public static LuaError located(LuaError e) {
        if (ErrorFields.traceback(e) != null) {
            return normalized(e);
        }
        LuaValue value = e.getMessageObject();
        if (value == null || !value.isstring()) {
            return e;
        }
        String message = e.getMessage();
        int level = ErrorFields.level(e);
        if (level <= 0) {
            ErrorFields.place(e, message);
            return e;
        }
        StackTraceElement frame = LuaFrames.at(e.getStackTrace(), level);
        if (frame != null) {
            ErrorFields.place(e, frame.getFileName() + ":" + frame.getLineNumber() + ": " + message);
        }
        // an interpreted frame at that level: the interpreter adds its own position
        return e;
    }

    /** The Lua error a too-deep recursion becomes, so that pcall can catch it. */
    public static LuaError stackOverflow(StackOverflowError overflow) {
        return located(new LuaError("stack overflow"));
    }

    /**
     * Rewrites the interpreter's form of a positioned message ({@code =name:3 boom}) into
     * Lua's ({@code name:3: boom}); errors already in Lua's form are returned unchanged.
     */
    public static LuaError normalized(LuaError e) {
        String fileline = ErrorFields.fileline(e);
        String text = ErrorFields.traceback(e);
        if (fileline == null || text == null || !text.startsWith(fileline + " ")) {
            return e;
        }
        String message = text.substring(fileline.length() + 1);
        if (message.endsWith("\n")) {
            // LuaJ appended an (empty) traceback because a debug library is installed
            message = message.substring(0, message.length() - 1);
        }
        if (ErrorFields.level(e) <= 0) {
            // error(msg, 0): Lua adds no position, LuaJ's interpreter does
            ErrorFields.place(e, message);
            return e;
        }
        int colon = fileline.lastIndexOf(':');
        String source = colon < 0 ? fileline : fileline.substring(0, colon);
        String line = colon < 0 ? "?" : fileline.substring(colon + 1);
        ErrorFields.place(e, ChunkId.of(source) + ":" + line + ": " + message);
        return e;
    }
}
