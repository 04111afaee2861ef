package io.jresty.ngx.re;

import io.jresty.ngx.api.ApiError;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The arguments every ngx.re function shares: subject, regex, options and ctx. */
final class RegexArgs {
    private RegexArgs() {}

    /** lua-resty-core passes a non-string subject through tostring. */
    static LuaString subject(LuaValue v) {
        return text(v);
    }

    static LuaString text(LuaValue v) {
        if (v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER) {
            return v.checkstring();
        }
        LuaValue meta = v.metatag(LuaValue.TOSTRING);
        if (!meta.isnil()) {
            return meta.call(v).checkstring();
        }
        return LuaString.valueOf(v.tojstring());
    }

    private static final LuaString NO_OPTIONS = LuaString.valueOf("");

    static LuaString regex(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        if (v.type() != LuaValue.TSTRING && v.type() != LuaValue.TNUMBER) {
            throw badArgument(n, function, "string expected, got " + v.typename());
        }
        return v.checkstring();
    }

    /** The option letters, "" when absent. */
    static LuaString options(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        if (v.isnil()) {
            return NO_OPTIONS;
        }
        if (v.type() != LuaValue.TSTRING) {
            throw badArgument(n, function, "string expected, got " + v.typename());
        }
        return v.checkstring();
    }

    /** The ctx table, or null. */
    static LuaTable ctx(Varargs args, int n, String function) {
        LuaValue v = args.arg(n);
        if (v.isnil()) {
            return null;
        }
        if (!v.istable()) {
            throw badArgument(n, function, "table expected, got " + v.typename());
        }
        return (LuaTable) v;
    }

    /** ctx.pos as a 0-based byte offset (values below 1 count as 1). */
    static int startByte(LuaTable ctx) {
        if (ctx == null) {
            return 0;
        }
        LuaValue pos = ctx.get("pos");
        if (pos.isnil()) {
            return 0;
        }
        double p = pos.checkdouble();
        return p <= 1 ? 0 : (int) Math.min(Integer.MAX_VALUE, p - 1);
    }

    static LuaError badArgument(int n, String function, String message) {
        return new ApiError("bad argument #" + n + " to '" + function + "' (" + message + ")");
    }
}
