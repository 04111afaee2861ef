package io.jresty.ngx.output;

import io.jresty.ngx.api.ApiError;
import io.jresty.core.lua.LuaNull;
import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Flattens ngx.say/ngx.print arguments (strings, numbers, booleans, nil, ngx.null, nested arrays) to bytes. */
final class OutputArgs {
    private OutputArgs() {}

    static byte[] bytes(String fn, Varargs args, boolean newline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int i = 1; i <= args.narg(); i++) {
            append(fn, i, args.arg(i), out);
        }
        if (newline) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void append(String fn, int argn, LuaValue v, ByteArrayOutputStream out) {
        switch (v.type()) {
            case LuaValue.TSTRING, LuaValue.TNUMBER -> {
                LuaString s = v.strvalue();
                out.write(s.m_bytes, s.m_offset, s.m_length);
            }
            case LuaValue.TNIL -> out.writeBytes("nil".getBytes());
            case LuaValue.TBOOLEAN -> out.writeBytes((v.toboolean() ? "true" : "false").getBytes());
            case LuaValue.TTABLE -> appendTable(fn, argn, (LuaTable) v, out);
            default -> {
                if (LuaNull.isNull(v)) {
                    out.writeBytes("null".getBytes());
                    return;
                }
                throw new ApiError("bad argument #" + argn + " to '" + fn
                        + "' (string, number, boolean, nil, ngx.null, array table expected, got " + v.typename() + ")");
            }
        }
    }

    private static void appendTable(String fn, int argn, LuaTable t, ByteArrayOutputStream out) {
        int n = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            if (!k.isinttype() || k.toint() < 1) {
                throw new ApiError("bad argument #" + argn + " to '" + fn + "' (non-array table found)");
            }
            n = Math.max(n, k.toint());
        }
        for (int i = 1; i <= n; i++) {
            LuaValue v = t.get(i);
            if (v.istable()) {
                appendTable(fn, argn, (LuaTable) v, out);
            } else if (v.isstring() || v.isnumber()) {
                LuaString s = v.strvalue();
                out.write(s.m_bytes, s.m_offset, s.m_length);
            } else if (LuaNull.isNull(v)) {
                out.writeBytes("null".getBytes());
            } else if (v.isboolean()) {
                out.writeBytes((v.toboolean() ? "true" : "false").getBytes());
            } else {
                throw new ApiError("bad argument #" + argn + " to '" + fn + "' (bad data type " + v.typename()
                        + " found)");
            }
        }
    }
}
