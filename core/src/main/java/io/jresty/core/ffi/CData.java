package io.jresty.core.ffi;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * A cdata value. For a pointer, {@code address} is the pointer's value and {@code block} the
 * memory it was last seen pointing into (a hint, null for NULL or when unknown); for anything
 * else (struct, array, reference, boxed number) the object lives in {@code block} at
 * {@code address}. type() of a cdata is "cdata"; every cdata is a distinct table key even
 * when two point to the same place, as in LuaJIT. A forked worker gets its own cdata over its
 * copy of the memory (see {@link FfiFork}).
 */
final class CData extends LuaUserdata implements Forkable {
    final CType type;
    final Block block;
    final long address;

    CData(CType type, Block block, long address, LuaValue metatable) {
        super(NO_INSTANCE, metatable);
        // LuaUserdata compares and hashes by its instance: this one, so every cdata is its own key
        this.m_instance = this;
        this.type = type;
        this.block = block;
        this.address = address;
    }

    private static final Object NO_INSTANCE = new Object();

    @Override
    public LuaValue forkInto(ForkCopy copy) {
        FfiFork fork = FfiFork.of(copy);
        return new CData(fork.type(type), fork.block(block), address, getmetatable());
    }

    @Override
    public String typename() {
        return "cdata";
    }

    @Override
    public LuaValue get(LuaValue key) {
        return CDataAccess.index(this, key);
    }

    @Override
    public void set(LuaValue key, LuaValue value) {
        CDataAccess.newindex(this, key, value);
    }

    @Override
    public LuaValue len() {
        LuaValue h = Metatypes.handler(this, "__len");
        if (h != null) {
            return h.call(this);
        }
        throw new FfiException("attempt to get length of '" + type.name() + "'");
    }

    @Override
    public int length() {
        return len().toint();
    }

    /** tonumber(): boxed numbers convert, pointers and aggregates give nil. */
    @Override
    public LuaValue tonumber() {
        return type instanceof CType.Scalar s && s.kind() != CType.Kind.VOID ? CConvert.load(s, block, address, true) : NIL;
    }

    @Override
    public boolean eq_b(LuaValue other) {
        LuaValue h = Metatypes.binary(this, other, "__eq");
        return h != null ? h.call(this, other).toboolean() : CDataCompare.equal(this, other);
    }

    @Override
    public LuaValue eq(LuaValue other) {
        return eq_b(other) ? TRUE : FALSE;
    }

    @Override
    public boolean neq_b(LuaValue other) {
        return !eq_b(other);
    }

    @Override
    public LuaValue neq(LuaValue other) {
        return eq_b(other) ? FALSE : TRUE;
    }

    @Override
    public boolean raweq(LuaValue other) {
        return this == other;
    }

    @Override
    public boolean raweq(LuaUserdata other) {
        return this == other;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String tojstring() {
        LuaValue h = Metatypes.handler(this, "__tostring");
        if (h != null) {
            return h.call(this).tojstring();
        }
        if (type instanceof CType.Scalar s && s.boxedWhenRead()) {
            long v = block.readInteger(address, 8, true);
            return s.kind() == CType.Kind.UNSIGNED ? Long.toUnsignedString(v) + "ULL" : v + "LL";
        }
        if (type instanceof CType.Pointer && address == 0) {
            return "cdata<" + type.name() + ">: NULL";
        }
        return "cdata<" + type.name() + ">: 0x" + String.format("%08x", address);
    }

    boolean pointerLike() {
        return type instanceof CType.Pointer || type instanceof CType.Array || type instanceof CType.Ref
                || type instanceof StructType;
    }
}
