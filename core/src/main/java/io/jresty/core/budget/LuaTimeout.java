package io.jresty.core.budget;

/**
 * Ends Lua code that ran past its budget. An {@link Error}, not a {@code LuaError}, so that
 * Lua's {@code pcall} and {@code xpcall} (which catch {@code Exception}) cannot swallow it.
 */
public class LuaTimeout extends Error {
    private static final long serialVersionUID = 1L;

    public LuaTimeout(String message) {
        // no stack trace: it is thrown from deep inside Lua code and only its message matters
        super(message, null, false, false);
    }
}
