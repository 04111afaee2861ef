package io.jresty.core.compile;

import java.util.List;
import java.util.Optional;
import org.luaj.vm2.Lua;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.lib.LibFunction;

/**
 * The name the innermost compiled Lua function on this thread was called by, as Lua's
 * {@code debug.getinfo(1, "n").name} gives it ({@code foo} for {@code foo()}, {@code m} for
 * {@code obj:m()}, {@code f} for {@code M.f()}), for ngx.log's {@code FUNC():} prefix. The name
 * comes from the caller's code: the variable its current call instruction calls, or the
 * metamethod its current operator called. There is none when the caller is not compiled Lua
 * (the main chunk run by the server, a function called by pcall or another library function)
 * or when the called value is no variable. A function reached by a tail call gets the name of
 * the function that made it, as in LuaJIT: LuaJ finishes the tail call in that one's caller.
 */
final class CallerName {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** LuaJ's classes that only pass a call on to the function called; anything else of LibFunction's kind is a library function. */
    private static final List<String> DISPATCH = List.of("org.luaj.vm2.lib.LibFunction", "org.luaj.vm2.lib.ZeroArgFunction",
            "org.luaj.vm2.lib.OneArgFunction", "org.luaj.vm2.lib.TwoArgFunction", "org.luaj.vm2.lib.ThreeArgFunction",
            "org.luaj.vm2.lib.VarArgFunction", "org.luaj.vm2.LuaFunction", "org.luaj.vm2.LuaValue");

    private CallerName() {}

    static String find() {
        return WALKER.walk(frames -> {
            boolean inCallee = false;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> c = f.getDeclaringClass();
                if (c.getClassLoader() instanceof LuaClassLoader) {
                    if (inCallee) {
                        Prototype p = LuaClassLoader.prototypeOf(c);
                        return Optional.ofNullable(calledAt(p, LuaFrames.pc(p, f.getLineNumber())));
                    }
                    inCallee = true;
                } else if (inCallee && !passesCallOn(c)) {
                    return Optional.<String>empty();
                }
            }
            return Optional.<String>empty();
        }).orElse(null);
    }

    static boolean passesCallOn(Class<?> c) {
        if (c.getName().equals("org.luaj.vm2.LuaClosure")) {
            return false;
        }
        return !LibFunction.class.isAssignableFrom(c) || DISPATCH.contains(c.getName());
    }

    /**
     * The name Lua gives a function called by instruction pc: the variable a call calls
     * ("foo" for global 'foo'), the metamethod an operator called ("__index", "__add"), or the
     * generic for's "(for generator)"; null when the called value is no variable.
     */
    static String calledAt(Prototype p, int pc) {
        return bare(calledPhrase(p, pc));
    }

    /**
     * The same name with what it is, as Lua's error messages and getinfo's namewhat put it:
     * "global 'foo'", "local 'f'", "method 'm'", "field 'f'", "upvalue 'u'",
     * "metamethod '__index'", "for iterator '(for generator)'"; null when none.
     */
    static String calledPhrase(Prototype p, int pc) {
        if (pc < 0) {
            return null;
        }
        int op = Lua.GET_OPCODE(p.code[pc]);
        String metamethod = switch (op) {
            case Lua.OP_CALL -> null;
            case Lua.OP_TFORCALL -> null;
            case Lua.OP_GETTABLE, Lua.OP_GETTABUP, Lua.OP_SELF -> "__index";
            case Lua.OP_SETTABLE, Lua.OP_SETTABUP -> "__newindex";
            case Lua.OP_ADD -> "__add";
            case Lua.OP_SUB -> "__sub";
            case Lua.OP_MUL -> "__mul";
            case Lua.OP_DIV -> "__div";
            case Lua.OP_MOD -> "__mod";
            case Lua.OP_POW -> "__pow";
            case Lua.OP_UNM -> "__unm";
            case Lua.OP_LEN -> "__len";
            case Lua.OP_CONCAT -> "__concat";
            case Lua.OP_EQ -> "__eq";
            case Lua.OP_LT -> "__lt";
            case Lua.OP_LE -> "__le";
            default -> null;
        };
        if (op == Lua.OP_CALL) {
            return OperandNames.register(p, pc, Lua.GETARG_A(p.code[pc]));
        }
        if (op == Lua.OP_TFORCALL) {
            return "for iterator '(for generator)'";
        }
        return metamethod == null ? null : "metamethod '" + metamethod + "'";
    }

    /** "global 'foo'" to foo. */
    private static String bare(String phrase) {
        return phrase == null ? null : phrase.substring(phrase.indexOf('\'') + 1, phrase.length() - 1);
    }
}
