package io.jresty.core.compile;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Gives Lua errors the {@code chunk:line:} prefix Lua puts on them. Compiled chunks call
 * {@link #located} and {@link #stackOverflow} from an exception handler around every function
 * body (see {@link ClassPass}); the request boundary calls {@link #normalized}.
 *
 * <p>The position comes from the Java stack trace: LuaJC writes the Lua instruction (pc + 1)
 * of each stretch of code into the class's line-number table and the chunk id into its
 * source-file attribute; the function's prototype turns the instruction into its line.
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
        int level = ErrorFields.level(e);
        if (level <= 0) {
            ErrorFields.place(e, e.getMessage());
            return e;
        }
        StackTraceElement frame = LuaFrames.at(e.getStackTrace(), level);
        Prototype p = frame == null ? null : LuaFrames.prototype(frame);
        if (frame != null && level == 1) {
            // a VM error of this very function: name its variable from the function's code
            ErrorNames.atInstruction(e, p, LuaFrames.pc(p, frame.getLineNumber()));
        }
        String message = e.getMessage();
        int line = frame == null ? -1 : LuaFrames.line(p, frame.getLineNumber());
        if (line > 0) {
            ErrorFields.place(e, frame.getFileName() + ":" + line + ": " + message);
        }
        // an interpreted frame at that level: the interpreter adds its own position
        return e;
    }

    /** The Lua error a too-deep recursion becomes, so that pcall can catch it. */
    public static LuaError stackOverflow(StackOverflowError overflow) {
        return located(new LuaError("stack overflow"));
    }

    /**
     * Rewrites an error raised by interpreted code into Lua's form: LuaJ's interpreter writes
     * {@code =name:3 boom} (raw chunk name, a space), Lua {@code name:3: boom}; and Lua adds no
     * position for {@code error(msg, 0)}. Errors already in Lua's form, or reworded by an
     * {@code xpcall} handler, are returned unchanged.
     */
    public static LuaError normalized(LuaError e) {
        String fileline = ErrorFields.fileline(e);
        String text = ErrorFields.traceback(e);
        if (fileline == null || text == null) {
            return e;
        }
        int colon = fileline.lastIndexOf(':');
        String source = colon < 0 ? fileline : fileline.substring(0, colon);
        String line = colon < 0 ? "?" : fileline.substring(colon + 1);
        String luaPrefix = ChunkId.of(source) + ":" + line + ": ";
        String message;
        if (text.startsWith(fileline + " ")) {
            message = stripEmptyTraceback(text.substring(fileline.length() + 1));
        } else if (text.startsWith(luaPrefix)) {
            message = text.substring(luaPrefix.length());
        } else {
            return e;
        }
        ErrorFields.place(e, ErrorFields.level(e) <= 0 ? message : luaPrefix + message);
        return e;
    }

    /**
     * {@code =name:line rest} or {@code @file:line rest} to {@code chunkid:line: rest}; other
     * text (already in Lua's form, or from a chunk named without a marker) unchanged.
     */
    static String luaForm(String text) {
        if (!text.startsWith("=") && !text.startsWith("@")) {
            return text;
        }
        for (int i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
            int j = i + 1;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j > i + 1 && j < text.length() && text.charAt(j) == ' ') {
                return ChunkId.of(text.substring(0, i)) + ":" + text.substring(i + 1, j) + ": " + text.substring(j + 1);
            }
        }
        return text;
    }

    private static String stripEmptyTraceback(String message) {
        // LuaJ appends "\n" + debug traceback when a debug library is installed; ours is empty
        return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    }
}
