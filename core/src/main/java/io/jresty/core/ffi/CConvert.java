package io.jresty.core.ffi;

import io.jresty.core.ffi.CType.Kind;
import io.jresty.core.ffi.CType.Scalar;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** LuaJIT's conversions between Lua values and C memory, for the types of the subset. */
final class CConvert {
    private static final double TWO_63 = 0x1p63;

    private CConvert() {}

    /**
     * The Lua value of the C object at {@code address}: numbers and booleans by value (64-bit
     * integers boxed unless {@code number}), pointers as pointer cdata, structs and arrays as
     * references into the same memory.
     */
    static LuaValue load(CType type, Block block, long address, boolean number) {
        return switch (type) {
            case Scalar s -> loadScalar(s, block, address, number);
            case CType.Pointer p -> {
                long target = block.readInteger(address, 8, false);
                yield CDatas.pointer(p, block.targetOf(address, target), target);
            }
            case StructType s -> CDatas.of(new CType.Ref(s), block, address);
            case CType.Array a -> CDatas.of(new CType.Ref(a), block, address);
            case CType.Ref r -> load(r.target(), block, address, number);
        };
    }

    private static LuaValue loadScalar(Scalar s, Block block, long address, boolean number) {
        return switch (s.kind()) {
            case BOOL -> LuaValue.valueOf(block.readInteger(address, 1, false) != 0);
            case FLOAT -> LuaValue.valueOf(block.readFloat(address, s.bytes()));
            case VOID -> throw new FfiException("cannot convert 'void' to a Lua value");
            default -> {
                long v = block.readInteger(address, s.bytes(), s.kind() == Kind.SIGNED);
                if (s.bytes() < 8) {
                    yield LuaValue.valueOf((double) v);
                }
                if (!number) {
                    yield CDatas.box(s, v);
                }
                yield LuaValue.valueOf(s.kind() == Kind.UNSIGNED && v < 0 ? (double) (v >>> 1) * 2 + (v & 1) : (double) v);
            }
        };
    }

    /** Stores a Lua value into the C object at {@code address}, converting as LuaJIT does. */
    static void store(CType type, Block block, long address, LuaValue value) {
        switch (type) {
            case Scalar s -> storeScalar(s, block, address, value);
            case CType.Pointer p -> {
                block.writeInteger(address, 8, pointerTo(p, value));
                block.rememberTarget(address, value instanceof CData c ? c.block : null);
            }
            case CType.Ref r -> store(r.target(), block, address, value);
            default -> storeAggregate(type, block, address, value);
        }
    }

    private static void storeScalar(Scalar s, Block block, long address, LuaValue value) {
        if (s.kind() == Kind.FLOAT) {
            block.writeFloat(address, s.bytes(), number(s, value));
        } else if (s.kind() == Kind.BOOL) {
            boolean b = value.isboolean() ? value.toboolean() : number(s, value) != 0;
            block.writeInteger(address, 1, b ? 1 : 0);
        } else if (s.kind() == Kind.VOID) {
            throw cannotConvert(value, s);
        } else {
            block.writeInteger(address, s.bytes(), integer(s, value));
        }
    }

    /** An integer store: Lua numbers truncate toward zero and wrap to the width, as C casts do. */
    static long integer(CType target, LuaValue value) {
        if (value instanceof CData c && c.type instanceof Scalar s && s.integer()) {
            return c.block.readInteger(c.address, s.bytes(), s.kind() == Kind.SIGNED);
        }
        double d = number(target, value);
        return d >= TWO_63 ? (long) (d - TWO_63) + Long.MIN_VALUE : (long) d;
    }

    static double number(CType target, LuaValue value) {
        if (value.type() == LuaValue.TNUMBER) {
            return value.todouble();
        }
        if (value.isboolean()) {
            return value.toboolean() ? 1 : 0;
        }
        if (value instanceof CData c && c.type instanceof Scalar s && s.kind() != Kind.VOID) {
            return c.tonumber().todouble();
        }
        throw cannotConvert(value, target);
    }

    /** The address a value converts to when stored in a pointer of type {@code p}. */
    static long pointerTo(CType.Pointer p, LuaValue value) {
        if (value.isnil()) {
            return 0;
        }
        if (value instanceof CData c && c.pointerLike()) {
            CType from = CDatas.pointee(c);
            if (!compatible(p.target(), from)) {
                throw new FfiException("cannot convert '" + c.type.name() + "' to '" + p.name() + "'");
            }
            return c.address;
        }
        if (value.type() == LuaValue.TSTRING && p.target() instanceof Scalar s && s.bytes() == 1) {
            return AddressSpace.string((LuaString) value).base;
        }
        throw cannotConvert(value, p);
    }

    private static boolean compatible(CType to, CType from) {
        if (to instanceof Scalar a && a.kind() == Kind.VOID || from instanceof Scalar b && b.kind() == Kind.VOID) {
            return true;
        }
        if (to instanceof Scalar a && from instanceof Scalar b) {
            return a.base().equals(b.base());
        }
        return to.equals(from);
    }

    private static void storeAggregate(CType type, Block block, long address, LuaValue value) {
        if (value instanceof CData c && !(c.type instanceof CType.Pointer) && sameLayout(c.type, type)) {
            c.block.copyTo(c.address, block, address, type.size());
        } else if (value.istable()) {
            CInitializer.fill(type, block, address, CInitializer.listOf(type, value));
        } else if (value.type() == LuaValue.TSTRING && type instanceof CType.Array a
                && a.element() instanceof Scalar s && s.bytes() == 1) {
            byte[] bytes = value.tojstring().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long n = Math.min(bytes.length + 1L, type.size() < 0 ? bytes.length + 1L : type.size());
            for (int i = 0; i < n; i++) {
                block.writeInteger(address + i, 1, i < bytes.length ? bytes[i] : 0);
            }
        } else {
            throw cannotConvert(value, type);
        }
    }

    private static boolean sameLayout(CType from, CType to) {
        CType f = from instanceof CType.Ref r ? r.target() : from;
        return f.equals(to) || (f instanceof CType.Array fa && to instanceof CType.Array ta && fa.element().equals(ta.element()));
    }

    static FfiException cannotConvert(LuaValue value, CType to) {
        // LuaJIT names a reference by what it refers to
        String from = value instanceof CData c ? (c.type instanceof CType.Ref r ? r.target() : c.type).name() : value.typename();
        return new FfiException("cannot convert '" + from + "' to '" + to.name() + "'");
    }

    /** Arguments from {@code first} on, as a Lua list. */
    static LuaValue[] rest(Varargs args, int first) {
        LuaValue[] out = new LuaValue[Math.max(0, args.narg() - first + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = args.arg(first + i);
        }
        return out;
    }
}
