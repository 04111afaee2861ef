package io.jresty.core.ffi;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The cdata metatable's operators: pointer arithmetic (p + n, p - n, p - q), 64-bit integer
 * arithmetic (+, -, *, unary -) that stays boxed, and ordering. Anything else is refused with
 * LuaJIT's "attempt to perform arithmetic on 'T' and 'U'".
 */
final class CDataArith {
    private CDataArith() {}

    private interface Op {
        LuaValue apply(LuaValue a, LuaValue b);
    }

    static LuaTable metatable() {
        LuaTable mt = new LuaTable();
        mt.set("__add", op("__add", (a, b) -> arith('+', a, b)));
        mt.set("__sub", op("__sub", (a, b) -> arith('-', a, b)));
        mt.set("__mul", op("__mul", (a, b) -> arith('*', a, b)));
        mt.set("__div", op("__div", (a, b) -> arith('/', a, b)));
        mt.set("__mod", op("__mod", (a, b) -> arith('%', a, b)));
        mt.set("__pow", op("__pow", (a, b) -> arith('^', a, b)));
        mt.set("__unm", op("__unm", (a, b) -> arith('-', LuaValue.valueOf(0), a)));
        mt.set("__lt", op("__lt", (a, b) -> LuaValue.valueOf(CDataCompare.compare(a, b) < 0)));
        mt.set("__le", op("__le", (a, b) -> LuaValue.valueOf(CDataCompare.compare(a, b) <= 0)));
        mt.set("__concat", op("__concat", (a, b) -> {
            throw new FfiException("attempt to concatenate '" + name(a) + "' and '" + name(b) + "'");
        }));
        mt.set("__call", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue h = Metatypes.handler(args.arg1(), "__call");
                if (h == null) {
                    throw new FfiException("'" + CDataArith.name(args.arg1()) + "' is not callable");
                }
                return h.invoke(args);
            }
        });
        // shared by every worker: getmetatable(cdata) gives "ffi", as in LuaJIT, never this table
        mt.set("__metatable", "ffi");
        // a struct's own metamethods (ffi.metatype) come before the built-in meaning
        for (String event : new String[] {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__lt", "__le", "__concat"}) {
            LuaValue builtIn = mt.get(event);
            mt.set(event, new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    LuaValue h = Metatypes.binary(args.arg1(), args.arg(2), event);
                    return h != null ? h.invoke(args) : builtIn.invoke(args);
                }
            });
        }
        return mt;
    }

    private static LuaValue op(String name, Op op) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return op.apply(args.arg1(), args.arg(2));
            }
        };
    }

    private static LuaValue arith(char op, LuaValue a, LuaValue b) {
        if (op == '+' || op == '-') {
            LuaValue p = pointerArith(op, a, b);
            if (p != null) {
                return p;
            }
        }
        CType.Scalar wide = int64(a, b);
        if (wide != null && op != '^' && op != '/' && op != '%' && numeric(a) && numeric(b)) {
            long x = CConvert.integer(wide, a);
            long y = CConvert.integer(wide, b);
            return CDatas.box(wide, switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                default -> x * y;
            });
        }
        if (numeric(a) && numeric(b) && wide == null) {
            double x = CConvert.number(CScalars.DOUBLE, a);
            double y = CConvert.number(CScalars.DOUBLE, b);
            return LuaValue.valueOf(switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                case '%' -> x - Math.floor(x / y) * y;
                default -> Math.pow(x, y);
            });
        }
        throw new FfiException("attempt to perform arithmetic on '" + name(a) + "' and '" + name(b) + "'");
    }

    private static LuaValue pointerArith(char op, LuaValue a, LuaValue b) {
        if (a instanceof CData p && elementOf(p) != null) {
            CType element = elementOf(p);
            if (b instanceof CData q && elementOf(q) != null && op == '-' && element.equals(elementOf(q))) {
                return LuaValue.valueOf((double) ((p.address - q.address) / Math.max(1, element.size())));
            }
            if (integral(b)) {
                long n = CConvert.integer(CScalars.INT64, b);
                return offset(p, element, op == '+' ? n : -n);
            }
        } else if (op == '+' && b instanceof CData p && elementOf(p) != null && integral(a)) {
            return offset(p, elementOf(p), CConvert.integer(CScalars.INT64, a));
        }
        return null;
    }

    private static LuaValue offset(CData p, CType element, long n) {
        if (element.size() < 0) {
            throw new FfiException("size of C type is unknown or too large");
        }
        return CDatas.pointer(new CType.Pointer(element, false), p.block, p.address + n * element.size());
    }

    /** The element a pointer or array steps over; null for structs and numbers. */
    private static CType elementOf(CData c) {
        CType t = c.type instanceof CType.Ref r ? r.target() : c.type;
        return switch (t) {
            case CType.Pointer p -> p.target();
            case CType.Array a -> a.element();
            default -> null;
        };
    }

    /** The 64-bit type of a mixed operation, when one operand is a boxed integer: unsigned wins. */
    static CType.Scalar int64(LuaValue a, LuaValue b) {
        CType.Scalar sa = a instanceof CData c && c.type instanceof CType.Scalar s && s.integer() ? s : null;
        CType.Scalar sb = b instanceof CData c && c.type instanceof CType.Scalar s && s.integer() ? s : null;
        if (sa == null && sb == null) {
            return null;
        }
        boolean unsigned = (sa != null && sa.bytes() == 8 && sa.kind() == CType.Kind.UNSIGNED)
                || (sb != null && sb.bytes() == 8 && sb.kind() == CType.Kind.UNSIGNED);
        return unsigned ? CScalars.UINT64 : CScalars.INT64;
    }

    private static boolean numeric(LuaValue v) {
        return v.type() == LuaValue.TNUMBER
                || v instanceof CData c && c.type instanceof CType.Scalar s && s.kind() != CType.Kind.VOID;
    }

    private static boolean integral(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || v instanceof CData c && c.type instanceof CType.Scalar s && s.integer();
    }

    private static String name(LuaValue v) {
        return v instanceof CData c ? (c.type instanceof CType.Ref r ? r.target() : c.type).name() : v.typename();
    }
}
