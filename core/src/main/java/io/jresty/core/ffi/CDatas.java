package io.jresty.core.ffi;

import org.luaj.vm2.LuaTable;

/** Makes cdata values; they share one metatable, which carries the operators (see {@link CDataArith}). */
final class CDatas {
    private static final LuaTable META = CDataArith.metatable();

    private CDatas() {}

    static CData of(CType type, Block block, long address) {
        return new CData(type, block, address, META);
    }

    static CData pointer(CType.Pointer type, Block hint, long address) {
        return new CData(type, hint, address, META);
    }

    /** A new zeroed object of {@code type}; {@code bytes} is its size (a [?] array's is known only here). */
    static CData allocate(CType type, long bytes, CTypes owner) {
        Block b = AddressSpace.allocate(bytes, owner);
        return of(type, b, b.base);
    }

    /** A 64-bit integer as LuaJIT keeps it: boxed, printing as 5LL or 5ULL. */
    static CData box(CType.Scalar type, long value) {
        CData c = scalar(type);
        c.block.writeInteger(c.address, 8, value);
        return c;
    }

    /** A zeroed number box, not listed in the address space: nothing can point into it. */
    static CData scalar(CType.Scalar type) {
        Block b = AddressSpace.allocateUnlisted(type.bytes());
        return of(type, b, b.base);
    }

    /** What a pointer-like cdata points at: a pointer's target, an array's element, a struct itself. */
    static CType pointee(CData c) {
        CType t = c.type instanceof CType.Ref r ? r.target() : c.type;
        return switch (t) {
            case CType.Pointer p -> p.target();
            case CType.Array a -> a.element();
            default -> t;
        };
    }

    /** The bytes an object spans: its type's size, or for a [?] array what ffi.new allocated. */
    static long sizeOf(CData c) {
        long s = c.type.size();
        return s >= 0 ? s : c.block.base + c.block.bytes.length - c.address;
    }

    /** The memory behind [address, address + length): the cdata's own block, or the one the address lies in. */
    static Block memory(CData c, long address, long length) {
        if (c.block != null && c.block.contains(address, length)) {
            return c.block;
        }
        Block b = c.block == null ? null : AddressSpace.find(address, length, c.block.owner);
        if (b == null) {
            throw new FfiException(address == 0 ? "attempt to dereference a NULL pointer ('" + c.type.name() + "')"
                    : "invalid memory access at 0x" + Long.toHexString(address)
                    + " (not memory that ffi.new allocated, or already collected)");
        }
        return b;
    }
}
