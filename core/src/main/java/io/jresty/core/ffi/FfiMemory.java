package io.jresty.core.ffi;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ffi.fill, ffi.copy and ffi.string: raw bytes of ffi-allocated memory. */
final class FfiMemory {
    private FfiMemory() {}

    static Varargs fill(Varargs a) {
        CData dst = pointer(a, 1, "fill");
        long len = CConvert.integer(CScalars.INT64, a.arg(2));
        if (len > 0) {
            byte value = (byte) (a.isnil(3) ? 0 : CConvert.integer(CScalars.INT, a.arg(3)));
            CDatas.memory(dst, dst.address, len).fill(dst.address, len, value);
        }
        return LuaValue.NONE;
    }

    static Varargs copy(Varargs a) {
        CData dst = pointer(a, 1, "copy");
        LuaValue src = a.arg(2);
        if (src.type() == LuaValue.TSTRING) {
            LuaString s = (LuaString) src;
            long len = a.isnil(3) ? s.rawlen() + 1L : CConvert.integer(CScalars.INT64, a.arg(3));
            Block from = AddressSpace.string(s);
            from.copyTo(from.base, CDatas.memory(dst, dst.address, len), dst.address, Math.min(len, from.bytes.length));
            return LuaValue.NONE;
        }
        CData from = pointer(a, 2, "copy");
        long len = CConvert.integer(CScalars.INT64, a.arg(3));
        if (len > 0) {
            CDatas.memory(from, from.address, len).copyTo(from.address, CDatas.memory(dst, dst.address, len), dst.address, len);
        }
        return LuaValue.NONE;
    }

    static Varargs string(Varargs a) {
        CData p = pointer(a, 1, "string");
        Block b = CDatas.memory(p, p.address, 0);
        long len = a.isnil(2) ? b.lengthOfString(p.address) : CConvert.integer(CScalars.INT64, a.arg(2));
        return LuaString.valueUsing(CDatas.memory(p, p.address, len).read(p.address, len));
    }

    private static CData pointer(Varargs a, int n, String function) {
        if (a.arg(n) instanceof CData c && c.pointerLike()) {
            return c;
        }
        String got = a.arg(n) instanceof CData c ? c.type.name() : a.arg(n).typename();
        throw new LuaError("bad argument #" + n + " to '" + function + "' (cannot convert '" + got + "' to 'void *')");
    }
}
