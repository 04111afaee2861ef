package io.jresty.core.compile;

import java.util.ArrayDeque;
import java.util.Deque;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Runs xpcall's message handler (for both xpcalls: ours in compat and {@link Xpcall}) and keeps
 * the failure's stack meanwhile. In Lua the handler runs on top of the frames that raised the
 * error; here they have unwound already, so debug.traceback puts them back in from the
 * failure's trace where it meets the frame of {@link #run}.
 */
public final class XpcallHandler {
    /** The method whose frame marks a running handler. */
    public static final String METHOD = "run";

    private static final ThreadLocal<Deque<Throwable>> FAILURES = ThreadLocal.withInitial(ArrayDeque::new);

    private XpcallHandler() {}

    /** The handler's result, or "error in error handling" when the handler fails. */
    public static LuaValue run(LuaValue handler, LuaValue error, Throwable failure) {
        Deque<Throwable> failures = FAILURES.get();
        failures.push(failure);
        try {
            return handler.call(error);
        } catch (LuaError e) {
            return LuaValue.valueOf("error in error handling");
        } finally {
            failures.pop();
        }
    }

    /** The failures whose handlers are running on this thread, innermost first. */
    public static Deque<Throwable> running() {
        return FAILURES.get();
    }

    /** Whether a trace element is an xpcall's frame, below which the failure's frames are still live. */
    public static boolean isXpcall(StackTraceElement e) {
        return (e.getClassName().equals(Xpcall.class.getName()) && e.getMethodName().equals("invoke"))
                || (e.getClassName().equals("io.jresty.core.compat.ErrorFunction") && e.getMethodName().equals("xpcall"));
    }
}
