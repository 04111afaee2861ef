package io.jresty.core.compat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.LibFunction;

/**
 * Wraps a LuaJ library function so that its argument errors read as in C Lua / LuaJIT:
 * LuaJ says {@code bad argument: number expected, got nil}, LuaJIT
 * {@code bad argument #1 to 'max' (number expected, got no value)}. Calls pass straight
 * through at the same arity (no extra allocation); only a failing call pays for the rewrite.
 * LuaJ's type errors do not say which argument failed: the first one of the reported type is
 * named, which can be the wrong one when two arguments share that type.
 */
final class NamedArgumentErrors extends LibFunction {
    private static final Pattern NUMBERED = Pattern.compile("bad argument #(\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern TYPED = Pattern.compile("bad argument: (\\S+) expected, got (\\S+)");

    private final LuaValue function;

    private NamedArgumentErrors(String name, LuaValue function) {
        this.name = name;
        this.function = function;
    }

    /** Wraps every LuaJ library function of {@code lib} (ours already name their errors). */
    static void wrapLibrary(LuaValue lib) {
        for (Varargs kv = lib.next(NIL); !kv.arg1().isnil(); kv = lib.next(kv.arg1())) {
            LuaValue f = kv.arg(2);
            if (kv.arg1().isstring() && f.isfunction() && f.getClass().getName().startsWith("org.luaj.vm2.lib.")) {
                lib.rawset(kv.arg1(), new NamedArgumentErrors(kv.arg1().tojstring(), f));
            }
        }
    }

    @Override
    public LuaValue call() {
        try {
            return function.call();
        } catch (LuaError e) {
            throw renamed(e, NONE);
        }
    }

    @Override
    public LuaValue call(LuaValue a) {
        try {
            return function.call(a);
        } catch (LuaError e) {
            throw renamed(e, a);
        }
    }

    @Override
    public LuaValue call(LuaValue a, LuaValue b) {
        try {
            return function.call(a, b);
        } catch (LuaError e) {
            throw renamed(e, varargsOf(a, b));
        }
    }

    @Override
    public LuaValue call(LuaValue a, LuaValue b, LuaValue c) {
        try {
            return function.call(a, b, c);
        } catch (LuaError e) {
            throw renamed(e, varargsOf(a, b, c));
        }
    }

    @Override
    public Varargs invoke(Varargs args) {
        try {
            return function.invoke(args);
        } catch (LuaError e) {
            throw renamed(e, args);
        }
    }

    private LuaError renamed(LuaError e, Varargs args) {
        // a positioned message ("file:1: bad argument ...") or one already naming its function stays
        String m = e.getMessage();
        if (m == null || !m.startsWith("bad argument")) {
            return e;
        }
        Matcher numbered = NUMBERED.matcher(m);
        if (numbered.matches()) {
            return new LuaError("bad argument #" + numbered.group(1) + " to '" + name + "' (" + why(numbered.group(2)) + ")");
        }
        Matcher typed = TYPED.matcher(m);
        if (typed.matches()) {
            String got = typed.group(2);
            int n = 1;
            while (n <= args.narg() && !args.arg(n).typename().equals(got)) {
                n++;
            }
            String actual = n > args.narg() ? "no value" : got;
            return new LuaError("bad argument #" + n + " to '" + name + "' (" + typeName(typed.group(1)) + " expected, got "
                    + actual + ")");
        }
        return e;
    }

    /** LuaJ names Java types where Lua names Lua types. */
    private static String typeName(String expected) {
        return switch (expected) {
            case "double", "int", "long" -> "number";
            case "String" -> "string";
            default -> expected;
        };
    }

    /** LuaJ's reason in C Lua's words. */
    private static String why(String reason) {
        return switch (reason) {
            case "value" -> "value expected";
            case "String" -> "string";
            case "String expected" -> "string expected";
            default -> reason;
        };
    }
}
