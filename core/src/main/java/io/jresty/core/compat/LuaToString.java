package io.jresty.core.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** tostring as LuaJIT: __tostring first, numbers with %.14g, whether or not LuaDouble is patched. */
final class LuaToString extends VarArgFunction {
    private static final LuaString TOSTRING = LuaString.valueOf("__tostring");

    @Override
    public Varargs invoke(Varargs args) {
        if (args.narg() == 0) {
            throw new LuaError("bad argument #1 to 'tostring' (value expected)");
        }
        return of(args.arg1());
    }

    static LuaString of(LuaValue v) {
        LuaValue meta = v.getmetatable();
        if (meta != null && !meta.isnil()) {
            LuaValue handler = meta.rawget(TOSTRING);
            if (!handler.isnil()) {
                LuaValue r = handler.call(v);
                if (r.type() != LuaValue.TSTRING && r.type() != LuaValue.TNUMBER) {
                    throw new LuaError("'__tostring' must return a string");
                }
                return of(r);
            }
        }
        return switch (v.type()) {
            case LuaValue.TSTRING -> v.strvalue();
            case LuaValue.TNUMBER -> LuaString.valueOf(LuaNumberFormat.format(v.todouble()));
            default -> LuaString.valueOf(v.tojstring());
        };
    }
}
