package io.jresty.ngx.api;

import java.util.Set;

/**
 * The function name in "bad argument #1 to 'NAME'" as LuaJIT gives it for a C function: the
 * name the caller used ("say" for {@code ngx.say(...)}), but '?' when pcall or xpcall called
 * it directly, since there is no Lua call site to take a name from. Measured on nginx:
 * {@code pcall(ngx.quote_sql_str, nil)} says {@code bad argument #1 to '?'}.
 */
final class CallSite {
    private static final StackWalker WALKER = StackWalker.getInstance();
    /** Frames of the call machinery between a caller and the function (LuaJ dispatch, ours). */
    private static final Set<String> PLUMBING = Set.of("org.luaj.vm2.LuaValue", "org.luaj.vm2.LuaFunction",
            "org.luaj.vm2.lib.LibFunction", "org.luaj.vm2.lib.VarArgFunction", "org.luaj.vm2.Varargs",
            "org.luaj.vm2.LuaClosure", NgxFunction.class.getName(), CallSite.class.getName());

    private CallSite() {}

    /** The error with its function name as the call site would show it; e itself when nothing changes. */
    static ApiError named(ApiError e, String shortName) {
        String message = e.getMessage();
        if (message == null || !message.startsWith("bad argument #")) {
            return e;
        }
        int open = message.indexOf(" to '");
        int close = open < 0 ? -1 : message.indexOf("' (", open + 5);
        if (close < 0) {
            return e;
        }
        String name = byProtectedCall() ? "?" : shortName;
        if (message.substring(open + 5, close).equals(name)) {
            return e;
        }
        return new ApiError(message.substring(0, open + 5) + name + message.substring(close));
    }

    private static boolean byProtectedCall() {
        return WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(c -> !PLUMBING.contains(c) && !c.startsWith("io.jresty.ngx."))
                .findFirst()
                .map(c -> c.endsWith("$pcall") || c.endsWith("Xpcall") || c.contains("ErrorFunction"))
                .orElse(false));
    }
}
