package io.jresty.core.ffi;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** A ctype object, as ffi.typeof returns it: prints as "ctype<...>", and calling it is ffi.new. */
final class CTypeValue extends LuaUserdata implements Forkable {
    private static final LuaTable META = new LuaTable();

    static {
        META.set("__metatable", "ffi");
        META.set("__call", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                CTypeValue ct = (CTypeValue) args.arg1();
                return FfiAllocate.create(ct.type, args, ct.owner);
            }
        });
    }

    final CType type;
    /** The declarations of the state that made it: what calling it allocates belongs there. */
    final CTypes owner;

    CTypeValue(CType type, CTypes owner) {
        super(type, META);
        this.type = type;
        this.owner = owner;
    }

    /** A forked worker's ctype names its own struct types and allocates in its own memory. */
    @Override
    public LuaValue forkInto(ForkCopy copy) {
        FfiFork fork = FfiFork.of(copy);
        return new CTypeValue(fork.type(type), fork.types(owner));
    }

    @Override
    public String typename() {
        return "cdata";
    }

    @Override
    public String tojstring() {
        return "ctype<" + type.name() + ">";
    }

    @Override
    public boolean eq_b(LuaValue other) {
        return other instanceof CTypeValue c && c.type.equals(type);
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
}
