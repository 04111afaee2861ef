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
            case LuaValue.TTABLE, LuaValue.TFUNCTION, LuaValue.TTHREAD, LuaValue.TUSERDATA ->
                    LuaString.valueOf(address(v));
            default -> LuaString.valueOf(v.tojstring());
        };
    }

    /** An io library file (LuaJ's IoLib.File, a class we cannot name from here: it is protected). */
    private static boolean isFile(LuaValue v) {
        for (Class<?> c = v.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.luaj.vm2.lib.IoLib$File")) {
                return true;
            }
        }
        return false;
    }

    private static boolean closed(LuaValue file) {
        try {
            java.lang.reflect.Method isclosed = file.getClass().getMethod("isclosed");
            isclosed.setAccessible(true);
            return (Boolean) isclosed.invoke(file);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** LuaJIT's "table: 0x..." form (code matches on the 0x); the identity hash stands in for the address. */
    private static String address(LuaValue v) {
        if (isFile(v)) {
            return closed(v) ? "file (closed)" : "file (0x" + String.format("%08x", System.identityHashCode(v)) + ")";
        }
        Object javaObject = v.type() == LuaValue.TUSERDATA ? v.touserdata() : null;
        boolean ownText = v instanceof org.luaj.vm2.LuaUserdata && v.getClass() != org.luaj.vm2.LuaUserdata.class;
        // sentinels (ngx.null, cjson.null, cjson.empty_array) print as OpenResty prints them
        if (ownText || (javaObject != null && javaObject.getClass() != Object.class)) {
            // Java objects exposed as userdata (files, sockets) keep their own description
            return v.tojstring();
        }
        return v.typename() + ": 0x" + String.format("%08x", System.identityHashCode(v));
    }
}
