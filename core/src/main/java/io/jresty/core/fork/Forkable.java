package io.jresty.core.fork;

import org.luaj.vm2.LuaValue;

/**
 * A Lua value backed by Java state of one worker (a module's options, a cache, a listener
 * registration) that must not be shared with the workers forked from it. Values that are
 * neither Lua data nor Forkable are shared by every worker as they are.
 */
public interface Forkable {
    /**
     * This value's counterpart in the worker being forked. When both are tables, the copy
     * then fills the counterpart with this table's entries and metatable, so the hook only
     * has to care about the Java side. A hook may instead name this value's counterpart with
     * {@link ForkCopy#counterpart} and return {@code copy.of(this)}. Runs in the target
     * worker's context.
     */
    LuaValue forkInto(ForkCopy copy);
}
