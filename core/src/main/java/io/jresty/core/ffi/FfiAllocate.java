package io.jresty.core.ffi;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** ffi.new and ffi.cast: making cdata of a type from Lua values. */
final class FfiAllocate {
    private FfiAllocate() {}

    /** ffi.new(ct, [n,] init...): args holds ct at 1; a [?] array takes its length from 2. */
    static CData create(CType ct, Varargs args, CTypes owner) {
        CType t = ct instanceof CType.Ref r ? r.target() : ct;
        int first = 2;
        long count = t instanceof CType.Array a ? a.length() : 1;
        long bytes = t.size();
        if (t instanceof CType.Array a && a.length() < 0) {
            if (args.narg() < 2) {
                throw new LuaError("bad argument #2 to '?' (value expected)");
            }
            count = CConvert.integer(CScalars.INT64, args.arg(2));
            if (count < 0 || a.element().size() < 0) {
                throw new LuaError("bad argument #1 to '?' (size of C type is unknown or too large)");
            }
            bytes = count * a.element().size();
            first = 3;
        }
        if (bytes < 0) {
            throw new LuaError("bad argument #1 to '?' (size of C type is unknown or too large)");
        }
        LuaValue[] values = CConvert.rest(args, first);
        if (t instanceof CType.Pointer p) {
            return CDatas.pointer(p, null, values.length == 0 ? 0 : CConvert.pointerTo(p, values[0]));
        }
        CData c = t instanceof CType.Scalar s ? CDatas.scalar(s) : CDatas.allocate(t, bytes, owner);
        if (values.length == 1 && (values[0].istable() || values[0].type() == LuaValue.TSTRING)
                && !(t instanceof CType.Scalar)) {
            if (values[0].istable()) {
                values = CInitializer.listOf(t, values[0]);
            } else {
                CConvert.store(t, c.block, c.address, values[0]);
                return c;
            }
        }
        CInitializer.fill(t, c.block, c.address, values, count);
        return c;
    }

    /** ffi.cast(ct, v): a number or pointer reinterpreted, with C's truncation and no checks on pointers. */
    static CData cast(CType ct, LuaValue v, CTypes owner) {
        CType t = ct instanceof CType.Ref r ? r.target() : ct;
        if (t instanceof CType.Pointer p) {
            if (v instanceof CData c && c.pointerLike()) {
                return CDatas.pointer(p, c.block, c.address);
            }
            if (v.type() == LuaValue.TSTRING) {
                Block s = AddressSpace.string((LuaString) v);
                return CDatas.pointer(p, s, s.base);
            }
            long address = v.isnil() ? 0 : CConvert.integer(p, v);
            // a number becomes a pointer into this worker's memory only
            return CDatas.pointer(p, AddressSpace.find(address, 0, owner), address);
        }
        if (t instanceof CType.Scalar s && s.kind() != CType.Kind.VOID) {
            CData box = CDatas.scalar(s);
            LuaValue from = v;
            if (v instanceof CData c && (c.type instanceof StructType || c.type instanceof CType.Ref r && r.target() instanceof StructType)) {
                throw CConvert.cannotConvert(v, s);
            }
            if (v instanceof CData c && c.pointerLike()) {
                from = CDatas.box(CScalars.UINT64, c.address);
            } else if (v.type() == LuaValue.TSTRING) {
                from = CDatas.box(CScalars.UINT64, AddressSpace.string((LuaString) v).base);
            }
            CConvert.store(s, box.block, box.address, from);
            return box;
        }
        throw new FfiException("invalid C type conversion from '" + (v instanceof CData c ? c.type.name() : v.typename())
                + "' to '" + t.name() + "'");
    }
}
