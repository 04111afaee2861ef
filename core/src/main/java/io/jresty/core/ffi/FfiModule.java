package io.jresty.core.ffi;

import io.jresty.core.lua.NamedFunction;
import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Twinned;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The Lua module "ffi" of jresty: LuaJIT's ffi API for plain data (cdef of structs and
 * typedefs, typeof, new, cast, sizeof, alignof, offsetof, istype, fill, copy, string, abi,
 * metatype). ffi.C, ffi.load, ffi.gc and ffi.errno raise an error that names them: there is
 * no native code to call on the JVM. One module per Lua state, as declarations are per VM.
 */
public final class FfiModule {
    private FfiModule() {}


    /** The package.preload loader: each Lua state gets its own declarations. */
    public static LuaValue loader() {
        return NamedFunction.of("ffi", args -> create());
    }

    static LuaTable create() {
        return create(new CTypes());
    }

    /**
     * The module over {@code types}. Its table and functions are {@link Twinned}: a worker forked
     * after init required ffi gets a module over its copy of the declarations (see {@link FfiFork}),
     * and a function captured alone ({@code local ffi_new = ffi.new}) maps to that module's.
     */
    private static LuaTable create(CTypes types) {
        ModuleTwin twin = new ModuleTwin(types);
        LuaTable ffi = new Twinned.Table(twin);
        twin.module = twin.own(ffi);
        ffi.set("cdef", twin.function("cdef", a -> {
            types.cdef(a.checkjstring(1));
            return LuaValue.NONE;
        }));
        ffi.set("typeof", twin.function("typeof", a -> new CTypeValue(ctype(types, a, 1), types)));
        ffi.set("new", twin.function("new", a -> FfiAllocate.create(ctype(types, a, 1), a, types)));
        ffi.set("cast", twin.function("cast", a -> FfiAllocate.cast(ctype(types, a, 1), a.arg(2), types)));
        ffi.set("sizeof", twin.function("sizeof", a -> sizeof(types, a)));
        ffi.set("alignof", twin.function("alignof", a -> LuaValue.valueOf(ctype(types, a, 1).align())));
        ffi.set("offsetof", twin.function("offsetof", a -> {
            CType t = ctype(types, a, 1);
            StructType.Field f = t instanceof StructType s ? s.field(a.checkjstring(2)) : null;
            return f == null ? LuaValue.NIL : LuaValue.valueOf(f.offset());
        }));
        ffi.set("istype", twin.function("istype", a -> LuaValue.valueOf(istype(ctype(types, a, 1), a.arg(2)))));
        ffi.set("fill", twin.function("fill", FfiMemory::fill));
        ffi.set("copy", twin.function("copy", FfiMemory::copy));
        ffi.set("string", twin.function("string", FfiMemory::string));
        ffi.set("abi", twin.function("abi", a -> LuaValue.valueOf(switch (a.checkjstring(1)) {
            case "64bit", "le", "fpu", "hardfp" -> true;
            default -> false;
        })));
        ffi.set("os", "Linux");
        ffi.set("arch", "x64");
        ffi.set("C", twin.own(CNamespace.create(types, new Twinned.Table(twin))));
        ffi.set("metatype", twin.function("metatype", a -> {
            CType t = ctype(types, a, 1);
            LuaValue mt = a.checktable(2);
            if (!(t instanceof StructType s)) {
                throw new LuaError("bad argument #1 to 'metatype' (a struct type expected, got '" + t.name() + "')");
            }
            if (!mt.rawget("__gc").isnil()) {
                throw FfiException.noNative("__gc in ffi.metatype (finalizers)");
            }
            s.metatype(mt);
            return new CTypeValue(t, types);
        }));
        for (String name : new String[] {"load", "gc", "errno", "typeinfo"}) {
            ffi.set(name, twin.function(name, a -> {
                throw FfiException.noNative("ffi." + name);
            }));
        }
        return ffi;
    }

    /** A C type argument: a type string, a ctype, or a cdata standing for its own type. */
    static CType ctype(CTypes types, Varargs args, int n) {
        LuaValue v = args.arg(n);
        if (v instanceof CTypeValue t) {
            return t.type;
        }
        if (v instanceof CData c) {
            return c.type;
        }
        if (v.type() == LuaValue.TSTRING) {
            return types.parse(v.tojstring());
        }
        throw new LuaError("bad argument #" + n + " to '?' (C type expected, got " + v.typename() + ")");
    }

    private static Varargs sizeof(CTypes types, Varargs a) {
        if (a.arg1() instanceof CData c) {
            return LuaValue.valueOf(CDatas.sizeOf(c));
        }
        CType t = ctype(types, a, 1);
        if (t instanceof CType.Array arr && arr.length() < 0) {
            if (a.narg() < 2) {
                throw new LuaError("bad argument #2 to '?' (value expected)");
            }
            return LuaValue.valueOf(CConvert.integer(CScalars.INT64, a.arg(2)) * arr.element().size());
        }
        // a count for a type of fixed size is ignored, as LuaJIT ignores it
        return t.size() < 0 ? LuaValue.NIL : LuaValue.valueOf(t.size());
    }

    private static boolean istype(CType t, LuaValue v) {
        if (!(v instanceof CData c)) {
            return false;
        }
        CType own = c.type instanceof CType.Ref r ? r.target() : c.type;
        CType want = t instanceof CType.Ref r ? r.target() : t;
        return own.equals(want);
    }

    /** Makes a forked worker's module the first time the copy meets one of this module's values. */
    private static final class ModuleTwin implements Consumer<ForkCopy> {
        private final CTypes types;
        private LuaTable module;
        /** The values this module made, which the worker's module has at the same paths. */
        private final Set<LuaValue> made = Collections.newSetFromMap(new IdentityHashMap<>());

        ModuleTwin(CTypes types) {
            this.types = types;
        }

        LuaValue function(String name, NamedFunction.Body body) {
            return own(new Twinned.Call(name, body::call, this));
        }

        /** Notes a table of the module, with its metatable and that metatable's functions. */
        LuaTable own(LuaTable t) {
            made.add(t);
            LuaValue mt = t.getmetatable();
            if (mt instanceof LuaTable m && made.add(m)) {
                for (LuaValue k : m.keys()) {
                    made.add(m.rawget(k));
                }
            }
            return t;
        }

        private LuaValue own(LuaValue f) {
            made.add(f);
            return f;
        }

        @Override
        public void accept(ForkCopy copy) {
            copy.once(this, () -> {
                LuaTable mine = create(FfiFork.of(copy).types(types));
                pair(module, mine, copy, Collections.newSetFromMap(new IdentityHashMap<>()));
                return mine;
            });
        }

        /** Names the counterpart of each of the module's own values: the same path in the worker's module. */
        private void pair(LuaValue s, LuaValue t, ForkCopy copy, Set<LuaValue> seen) {
            if (!made.contains(s) || t == null || s.type() != t.type() || !seen.add(s)) {
                // what init stored in the module itself is copied as any value is
                return;
            }
            copy.counterpart(s, t);
            if (s instanceof LuaTable st) {
                for (LuaValue k : st.keys()) {
                    pair(st.rawget(k), t.rawget(k), copy, seen);
                }
                if (st.getmetatable() != null) {
                    pair(st.getmetatable(), t.getmetatable(), copy, seen);
                }
            }
        }
    }

}
