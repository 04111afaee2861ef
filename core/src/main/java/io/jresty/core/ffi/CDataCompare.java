package io.jresty.core.ffi;

import org.luaj.vm2.LuaValue;

/**
 * == and < on cdata, as LuaJIT compares them: pointers, arrays and structs by address (a NULL
 * pointer equals nil), numbers by value. Only {@code ptr == nil} works from the cdata side;
 * {@code nil == ptr} is false on LuaJ, which never asks the cdata.
 */
final class CDataCompare {
    private CDataCompare() {}

    static boolean equal(CData a, LuaValue other) {
        if (other instanceof CData b) {
            if (a.pointerLike() && b.pointerLike()) {
                return a.address == b.address;
            }
            if (a.type instanceof CType.Scalar && b.type instanceof CType.Scalar) {
                return sameNumber(a, b);
            }
            return false;
        }
        if (other.isnil()) {
            return a.type instanceof CType.Pointer && a.address == 0;
        }
        if (other.type() == LuaValue.TNUMBER && a.type instanceof CType.Scalar s && s.kind() != CType.Kind.VOID) {
            return a.tonumber().todouble() == other.todouble();
        }
        return false;
    }

    private static boolean sameNumber(CData a, CData b) {
        CType.Scalar sa = (CType.Scalar) a.type;
        CType.Scalar sb = (CType.Scalar) b.type;
        if (sa.integer() && sb.integer()) {
            return CConvert.integer(sa, a) == CConvert.integer(sb, b);
        }
        return a.tonumber().todouble() == b.tonumber().todouble();
    }

    /** Negative, zero or positive, for __lt and __le. */
    static int compare(LuaValue x, LuaValue y) {
        if (x instanceof CData a && y instanceof CData b && a.pointerLike() && b.pointerLike()) {
            return Long.compareUnsigned(a.address, b.address);
        }
        if (CDataArith.int64(x, y) != null) {
            boolean unsigned = CDataArith.int64(x, y).kind() == CType.Kind.UNSIGNED;
            long l = CConvert.integer(CScalars.INT64, x);
            long r = CConvert.integer(CScalars.INT64, y);
            return unsigned ? Long.compareUnsigned(l, r) : Long.compare(l, r);
        }
        return Double.compare(CConvert.number(CScalars.DOUBLE, x), CConvert.number(CScalars.DOUBLE, y));
    }
}
