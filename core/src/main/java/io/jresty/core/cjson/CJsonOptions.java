package io.jresty.core.cjson;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** lua-cjson's option arguments: integer and enumerated settings, with its argument errors. */
final class CJsonOptions {
    private static final List<String> ON_OFF = List.of("off", "on");

    private CJsonOptions() {}

    static LuaError badArgument(int n, String function, String message) {
        return CJsonEncoder.error("bad argument #" + n + " to '" + function + "' (" + message + ")");
    }

    /** json_arg_init: at most {@code max} arguments. */
    static void checkCount(Varargs args, int max, String function) {
        if (args.narg() > max) {
            throw badArgument(max + 1, function, "found too many arguments");
        }
    }

    /** json_integer_option; the range error always names argument #1, as lua-cjson's does. */
    static LuaValue integer(Varargs args, int n, String function, int min, int max,
                            IntSupplier get, IntConsumer set) {
        LuaValue v = args.arg(n);
        if (!v.isnil()) {
            if (!v.isnumber()) {
                throw badArgument(n, function, "number expected, got " + v.typename());
            }
            long value = (long) v.todouble();
            if (value < min || value > max) {
                throw badArgument(1, function, "expected integer between " + min + " and " + max);
            }
            set.accept((int) value);
        }
        return LuaValue.valueOf(get.getAsInt());
    }

    static LuaValue onOff(Varargs args, int n, String function, IntSupplier get, IntConsumer set) {
        return enumerated(args, n, function, ON_OFF, get, set);
    }

    /** json_enum_option with bool_true = 1: booleans map to 0/1, strings to their position. */
    static LuaValue enumerated(Varargs args, int n, String function, List<String> options,
                               IntSupplier get, IntConsumer set) {
        LuaValue v = args.arg(n);
        if (!v.isnil()) {
            if (v.isboolean()) {
                set.accept(v.toboolean() ? 1 : 0);
            } else if (v.isstring()) {
                int i = options.indexOf(v.tojstring());
                if (i < 0) {
                    throw badArgument(n, function, "invalid option '" + v.tojstring() + "'");
                }
                set.accept(i);
            } else {
                throw badArgument(n, function, "string expected, got " + v.typename());
            }
        }
        int setting = get.getAsInt();
        return setting <= 1 ? LuaValue.valueOf(setting == 1) : LuaValue.valueOf(options.get(setting));
    }
}
