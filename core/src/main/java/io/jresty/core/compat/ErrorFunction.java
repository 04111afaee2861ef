package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * error(message [, level]) with level 0 meaning "no position", which LuaJ ignores (it always
 * prefixes the raising function's position). Level 2 and up still get the raising function's
 * position: LuaJ keeps no call stack to find the caller's. And xpcall(f, handler, ...) that
 * hands the handler the error value itself, tables included, as LuaJIT does.
 */
final class ErrorFunction {
    private ErrorFunction() {}

    static Builtin create() {
        return new Builtin("error", ErrorFunction::raise);
    }

    /** assert(v [, message, ...]): all arguments back, or an error with the message (any value) or "assertion failed!". */
    static Builtin assertion() {
        return new Builtin("assert", args -> {
            if (args.arg1().toboolean()) {
                return args;
            }
            if (args.narg() < 1) {
                throw Builtin.badArgument(1, "assert", "value expected");
            }
            LuaValue message = args.arg(2);
            if (message.isnil()) {
                throw new LuaError("assertion failed!");
            }
            if (message.type() == LuaValue.TSTRING || message.type() == LuaValue.TNUMBER) {
                throw new LuaError(LuaToString.of(message).tojstring());
            }
            throw new LuaError(message);
        });
    }

    static Builtin xpcall() {
        return new Builtin("xpcall", ErrorFunction::xpcall);
    }

    private static Varargs xpcall(Varargs args) {
        LuaValue f = args.arg1();
        LuaValue handler = args.arg(2);
        LuaValue error;
        Throwable failure;
        try {
            return LuaValue.varargsOf(LuaValue.TRUE, f.invoke(args.subargs(3)));
        } catch (LuaError e) {
            error = e.getMessageObject();
            failure = e;
        } catch (RuntimeException e) {
            // as LuaJ's pcall: a Java failure inside Lua code is an error with its message
            error = LuaValue.valueOf(String.valueOf(e.getMessage()));
            failure = e;
        }
        return LuaValue.varargsOf(LuaValue.FALSE, io.jresty.core.compile.XpcallHandler.run(handler, error == null ? LuaValue.NIL : error, failure));
    }

    private static Varargs raise(Varargs args) {
        LuaValue message = args.arg1();
        int level = args.isnoneornil(2) ? 1 : (int) Builtin.number(args, 2, "error");
        if (message.type() == LuaValue.TSTRING || message.type() == LuaValue.TNUMBER) {
            String text = LuaToString.of(message).tojstring();
            throw level == 0 ? new Unpositioned(text) : new LuaError(text, level);
        }
        if (message.isnil()) {
            // nil as the error value, not a null message: the interpreter hands the text of an
            // error to the state's error function, and LuaJ cannot make a Lua value of null
            throw new LuaError(LuaValue.NIL);
        }
        throw new LuaError(message);
    }

    /** An error raised without a Lua position, as error(message, 0) or LuaJIT's C functions raise some. */
    static LuaError unpositioned(String text) {
        return new Unpositioned(text);
    }

    /** An error whose text is final: LuaJ's interpreter adds a position only while the traceback is unset. */
    private static final class Unpositioned extends LuaError {
        Unpositioned(String message) {
            super(message, 0);
            this.traceback = message;
        }
    }
}
