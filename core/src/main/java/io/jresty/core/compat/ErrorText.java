package io.jresty.core.compat;

/**
 * The text of a Lua error as LuaJIT writes it, {@code chunk:line: message}, with LuaJ's
 * run-time error wording replaced by LuaJIT's (see {@link VmErrorText}); the patched
 * {@code org.luaj.vm2.LuaError#getMessage()} calls {@link #message}.
 */
public final class ErrorText {
    private ErrorText() {}

    /**
     * @param traceback LuaJ's traceback text when it built one (it wins, as in LuaJ)
     * @param message   the message without position
     * @param fileline  LuaJ's "source:line" of the raising function, or null
     */
    public static String message(String traceback, String message, String fileline) {
        return message(traceback, message, fileline, null);
    }

    /**
     * @param variable the variable a VM error is about ({@code global 'cfg'}), or null
     * @see #message(String, String, String)
     */
    public static String message(String traceback, String message, String fileline, String variable) {
        if (traceback != null) {
            return traceback;
        }
        if (message == null) {
            return null;
        }
        String text = VmErrorText.luajit(message, variable);
        return fileline == null ? text : shortSource(fileline) + ": " + text;
    }

    /** "@file.lua" and "=name" lose their marker, as LuaJIT's short source does. */
    static String shortSource(String source) {
        return source.startsWith("@") || source.startsWith("=") ? source.substring(1) : source;
    }
}
