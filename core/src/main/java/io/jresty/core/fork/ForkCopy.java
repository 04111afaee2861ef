package io.jresty.core.fork;

import java.util.function.Supplier;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/** A copy of one Lua state into one worker's state, as {@link Forkable} values see it. */
public interface ForkCopy {
    /** The worker's Lua state the copy goes into. */
    Globals target();

    /**
     * The worker's counterpart of a value of the source state; tables and functions are
     * allocated at once and filled later, so cycles and shared values keep their shape.
     */
    LuaValue of(LuaValue value);

    /**
     * One object per key for this copy: the Java functions of one module object ask for the
     * same forked module instead of one each.
     */
    <T> T once(Object key, Supplier<T> make);
}
