package io.jresty.core.budget;

/**
 * Ends Lua code that allocated past its budget's allocation limit (or ran the heap out). A kind
 * of {@link LuaTimeout}, so every place that ends a run at its time budget ends it here too, and
 * pcall cannot swallow it.
 */
public final class LuaMemoryLimit extends LuaTimeout {
    private static final long serialVersionUID = 1L;

    public LuaMemoryLimit(String message) {
        super(message);
    }
}
