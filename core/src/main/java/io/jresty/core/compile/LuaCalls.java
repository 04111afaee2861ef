package io.jresty.core.compile;

import java.util.function.Supplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.Varargs;

/**
 * The catch point where Java calls into Lua (a request phase, a timer, a plugin). LuaJ's
 * {@code pcall} does not catch {@link StackOverflowError}, and interpreted code only overflows
 * the Java stack; here that becomes the Lua error {@code stack overflow}, and errors raised by
 * interpreted code get Lua's {@code chunk:line: message} form.
 *
 * <p>Compiled chunks already turn a stack overflow into a Lua error inside every function,
 * so {@code pcall} catches it there. Run Lua on threads with a deep stack (-Xss4m or a
 * {@code Thread.Builder} stack size of 4 MB or more): with 1 MB, LuaJC code overflows between
 * 5,000 and 10,000 Lua frames and the interpreter between 1,000 and 3,000.
 */
public final class LuaCalls {
    private LuaCalls() {}

    /** Calls a Lua function from Java. */
    public static Varargs call(LuaFunction function, Varargs args) {
        return protect(() -> function.invoke(args));
    }

    /** Runs Lua work; a LuaError that escapes carries Lua's message form. */
    public static <T> T protect(Supplier<T> work) {
        try {
            return work.get();
        } catch (LuaError e) {
            throw LuaErrors.normalized(e);
        } catch (StackOverflowError e) {
            throw new LuaError("stack overflow");
        }
    }
}
