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
     * Names the copy of a source value: from now on {@link #of} gives {@code target} for
     * {@code source}. When both are tables, the target also gets the source's entries and
     * metatable, as any copied table does. A {@link Forkable} that builds a whole Java object
     * (with several Lua values) names the counterparts of all of them at once this way.
     */
    void counterpart(LuaValue source, LuaValue target);

    /**
     * Runs work after the current step: a hook that needs copies of Lua values which may lead
     * back to its own object (a listener that is one of the module's functions) asks for them
     * here rather than while its twin is being made.
     */
    void later(Runnable work);

    /**
     * One object per key for this copy: the Java functions of one module object ask for the
     * same forked module instead of one each.
     */
    <T> T once(Object key, Supplier<T> make);
}
