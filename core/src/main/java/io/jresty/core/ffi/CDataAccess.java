package io.jresty.core.ffi;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/** Indexing cdata: p[i] and a[i] for elements, s.name and p.name for struct fields, reading and writing. */
final class CDataAccess {
    private CDataAccess() {}

    /** Where an index or field lives: its C type and address. */
    private record Place(CType type, long address) {}

    static LuaValue index(CData c, LuaValue key) {
        Place p = place(c, key, true);
        if (p == null) {
            return Metatypes.index(c, key);
        }
        long size = Math.max(p.type.size(), 0);
        return CConvert.load(p.type, CDatas.memory(c, p.address, size), p.address, false);
    }

    static void newindex(CData c, LuaValue key, LuaValue value) {
        Place p = place(c, key, false);
        if (p == null) {
            Metatypes.newindex(c, key, value);
            return;
        }
        if (p.type.constant()) {
            throw new FfiException("attempt to write to constant location");
        }
        CConvert.store(p.type, CDatas.memory(c, p.address, p.type.size()), p.address, value);
    }

    /** The place a key names; null when a metatype's __index (reading) or __newindex (writing) took it. */
    private static Place place(CData c, LuaValue key, boolean reading) {
        CType t = c.type instanceof CType.Ref r ? r.target() : c.type;
        if (key.type() == LuaValue.TNUMBER || key instanceof CData k && k.type instanceof CType.Scalar) {
            CType element = switch (t) {
                case CType.Pointer p -> p.target();
                case CType.Array a -> a.element();
                default -> null;
            };
            if (element == null) {
                if (handled(c, key, reading)) {
                    return null;
                }
                throw new FfiException("'" + t.name() + "' cannot be indexed with 'number'");
            }
            if (element.size() < 0) {
                throw new FfiException("size of C type is unknown or too large");
            }
            long i = CConvert.integer(element, key);
            return new Place(element, c.address + i * element.size());
        }
        StructType s = t instanceof StructType st ? st
                : t instanceof CType.Pointer p && p.target() instanceof StructType st ? st : null;
        if (key.type() == LuaValue.TSTRING) {
            StructType.Field f = s == null ? null : s.field((LuaString) key);
            if (f == null) {
                if (handled(c, key, reading)) {
                    return null;
                }
                String owner = s != null ? s.name() : t.name();
                throw new FfiException("'" + owner + "' has no member named '" + key.tojstring() + "'");
            }
            return new Place(f.type(), c.address + f.offset());
        }
        if (handled(c, key, reading)) {
            return null;
        }
        throw new FfiException("'" + t.name() + "' cannot be indexed with '" + key.typename() + "'");
    }

    private static boolean handled(CData c, LuaValue key, boolean reading) {
        return Metatypes.handler(c, reading ? "__index" : "__newindex") != null;
    }
}
