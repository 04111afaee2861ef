package io.jresty.core.ffi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * One allocation of C memory: little-endian bytes at a fake address. Pointers stored in
 * memory hold addresses, as in C; {@link AddressSpace} maps them back to their block.
 */
final class Block {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final long base;
    final byte[] bytes;
    /** The declarations (so the Lua state, one worker) that allocated it; null for strings and boxes. */
    final CTypes owner;
    /**
     * For each 8-byte slot a pointer was stored in, the block it pointed into: reading the
     * pointer back then needs no search of the address space. It also keeps that block alive
     * (LuaJIT would free it and leave the pointer dangling). Created on the first pointer store.
     */
    private Block[] targets;

    Block(long base, byte[] bytes, CTypes owner) {
        this.base = base;
        this.bytes = bytes;
        this.owner = owner;
    }

    /** A copy of this block's bytes at the same address, for a forked worker's {@code owner}; pointers follow with {@link #targetsFrom}. */
    Block twin(CTypes owner) {
        Block b = new Block(base, bytes.clone(), owner);
        AddressSpace.list(b);
        return b;
    }

    /** Points this copy's stored pointers at {@code twin}'s counterparts of the blocks the source's point at. */
    void targetsFrom(Block source, UnaryOperator<Block> twin) {
        if (source.targets == null) {
            return;
        }
        targets = new Block[source.targets.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = source.targets[i] == null ? null : twin.apply(source.targets[i]);
        }
    }

    /** Whether [address, address + length) lies inside this block; length 0 allows one past the end. */
    boolean contains(long address, long length) {
        return address >= base && address + length <= base + bytes.length;
    }

    private int at(long address, long length) {
        if (!contains(address, length)) {
            throw new FfiException("invalid memory access at 0x" + Long.toHexString(address)
                    + " (outside the cdata object it points into)");
        }
        return (int) (address - base);
    }

    /** An integer of 1, 2, 4 or 8 bytes, sign- or zero-extended. */
    long readInteger(long address, int size, boolean signed) {
        int i = at(address, size);
        return switch (size) {
            case 1 -> signed ? bytes[i] : bytes[i] & 0xffL;
            case 2 -> signed ? (short) I16.get(bytes, i) : ((short) I16.get(bytes, i)) & 0xffffL;
            case 4 -> signed ? (int) I32.get(bytes, i) : ((int) I32.get(bytes, i)) & 0xffffffffL;
            default -> (long) I64.get(bytes, i);
        };
    }

    void writeInteger(long address, int size, long value) {
        int i = at(address, size);
        switch (size) {
            case 1 -> bytes[i] = (byte) value;
            case 2 -> I16.set(bytes, i, (short) value);
            case 4 -> I32.set(bytes, i, (int) value);
            default -> I64.set(bytes, i, value);
        }
    }

    /** Notes which block the pointer just stored at {@code address} points into (null: unknown). */
    void rememberTarget(long address, Block target) {
        if (target == null && targets == null) {
            return;
        }
        if (targets == null) {
            targets = new Block[(bytes.length >> 3) + 1];
        }
        targets[(int) ((address - base) >> 3)] = target;
    }

    /** The block that holds the pointer value {@code value} read from {@code address}, or null. */
    Block targetOf(long address, long value) {
        Block t = targets == null ? null : targets[(int) ((address - base) >> 3)];
        if (t != null && t.contains(value, 0)) {
            return t;
        }
        return contains(value, 0) ? this : AddressSpace.find(value, 0, owner);
    }

    double readFloat(long address, int size) {
        long raw = readInteger(address, size, false);
        return size == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
    }

    void writeFloat(long address, int size, double value) {
        writeInteger(address, size, size == 4 ? Float.floatToRawIntBits((float) value) : Double.doubleToRawLongBits(value));
    }

    void fill(long address, long length, byte value) {
        int i = at(address, length);
        Arrays.fill(bytes, i, i + (int) length, value);
    }

    void copyTo(long address, Block to, long toAddress, long length) {
        int from = at(address, length);
        System.arraycopy(bytes, from, to.bytes, to.at(toAddress, length), (int) length);
    }

    /** Bytes up to the first NUL (or the end), as ffi.string without a length reads them. */
    long lengthOfString(long address) {
        int i = at(address, 0);
        int end = i;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return end - i;
    }

    byte[] read(long address, long length) {
        int i = at(address, length);
        return Arrays.copyOfRange(bytes, i, i + (int) length);
    }
}
