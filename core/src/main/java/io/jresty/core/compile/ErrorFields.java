package io.jresty.core.compile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.luaj.vm2.LuaError;

/**
 * LuaJ's LuaError keeps its level, position and final text in protected fields that only the
 * interpreter fills in; compiled code needs to fill them in too.
 */
final class ErrorFields {
    private static final VarHandle LEVEL;
    private static final VarHandle FILELINE;
    private static final VarHandle TRACEBACK;
    private static final VarHandle VARIABLE;
    private static final MethodHandle VM_MESSAGE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(LuaError.class, MethodHandles.lookup());
            LEVEL = lookup.findVarHandle(LuaError.class, "level", int.class);
            FILELINE = lookup.findVarHandle(LuaError.class, "fileline", String.class);
            TRACEBACK = lookup.findVarHandle(LuaError.class, "traceback", String.class);
            // both added by the build's LuaError patch (io.jresty.core.compat.build.LuaErrorPatch)
            VARIABLE = lookup.findVarHandle(LuaError.class, "variable", String.class);
            VM_MESSAGE = lookup.findVirtual(LuaError.class, "vmMessage", MethodType.methodType(String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ErrorFields() {}

    /** The level given to {@code error(msg, level)}: 1 is the function that called error. */
    static int level(LuaError e) {
        return (int) LEVEL.get(e);
    }

    /** The interpreter's {@code source:line} of the error, or null. */
    static String fileline(LuaError e) {
        return (String) FILELINE.get(e);
    }

    /** The final message; once set, LuaJ's interpreter frames leave the error alone. */
    static String traceback(LuaError e) {
        return (String) TRACEBACK.get(e);
    }

    /** The variable the error is about ("global 'cfg'"), or null. */
    static String variable(LuaError e) {
        return (String) VARIABLE.get(e);
    }

    static void variable(LuaError e, String name) {
        VARIABLE.set(e, name);
    }

    /** The message as LuaJ raised it, before any rewording or position. */
    static String vmMessage(LuaError e) {
        try {
            return (String) VM_MESSAGE.invokeExact(e);
        } catch (Throwable t) {
            throw new IllegalStateException("patched LuaError.vmMessage() failed", t);
        }
    }

    static void place(LuaError e, String message) {
        FILELINE.set(e, (String) null);
        TRACEBACK.set(e, message);
    }
}
