package io.jresty.core.ffi;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaValue;

/**
 * ffi.new's initializers: a list of values (arguments, or a table's array part, 0-based when
 * [0] is set) fills array elements or struct fields in order; one value for an array fills
 * every element; a table with names fills the struct fields it names. Memory starts zeroed.
 */
final class CInitializer {
    private CInitializer() {}

    static LuaValue[] listOf(CType type, LuaValue table) {
        if (type instanceof StructType s && table.get(1).isnil()) {
            List<LuaValue> byName = new ArrayList<>();
            boolean named = false;
            for (StructType.Field f : s.fields()) {
                LuaValue v = table.get(f.name());
                named |= !v.isnil();
                byName.add(v);
            }
            if (named) {
                return byName.toArray(LuaValue[]::new);
            }
        }
        int first = table.get(0).isnil() ? 1 : 0;
        List<LuaValue> values = new ArrayList<>();
        for (int i = first; !table.get(i).isnil(); i++) {
            values.add(table.get(i));
        }
        return values.toArray(LuaValue[]::new);
    }

    /** Fills an object of {@code type}; {@code count} is the element count of a (possibly [?]) array. */
    static void fill(CType type, Block block, long address, LuaValue[] values, long count) {
        if (values.length == 0) {
            return;
        }
        switch (type) {
            case CType.Array a -> {
                if (values.length > count) {
                    throw new FfiException("too many initializers for '" + type.name() + "'");
                }
                long size = a.element().size();
                for (long i = 0; i < count; i++) {
                    LuaValue v = values.length == 1 ? values[0] : i < values.length ? values[(int) i] : null;
                    if (v == null) {
                        break;
                    }
                    CConvert.store(a.element(), block, address + i * size, v);
                }
            }
            case StructType s -> {
                int i = 0;
                for (StructType.Field f : s.fields()) {
                    if (i < values.length && !values[i].isnil()) {
                        CConvert.store(f.type(), block, address + f.offset(), values[i]);
                    }
                    i++;
                }
                if (values.length > i) {
                    throw new FfiException("too many initializers for '" + type.name() + "'");
                }
            }
            default -> {
                if (values.length > 1) {
                    throw new FfiException("too many initializers for '" + type.name() + "'");
                }
                CConvert.store(type, block, address, values[0]);
            }
        }
    }

    static void fill(CType type, Block block, long address, LuaValue[] values) {
        fill(type, block, address, values, type instanceof CType.Array a ? a.length() : 1);
    }
}
