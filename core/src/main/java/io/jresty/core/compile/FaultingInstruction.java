package io.jresty.core.compile;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Which instructions can raise a given VM fault, and which operand of a concatenation it blames.
 * Constants help rule instructions out: a {@code + 1} cannot be the addition that found a nil
 * on its right, and the environment ({@code _ENV}) is always a table, so a global lookup never
 * fails to index.
 */
final class FaultingInstruction {
    private FaultingInstruction() {}

    static boolean isArithmetic(int op) {
        return op >= Lua.OP_ADD && op <= Lua.OP_POW;
    }

    /** Whether instruction pc could have raised the fault, judged from its kind and constants. */
    static boolean couldRaise(Prototype p, int pc, VmFault fault) {
        int i = p.code[pc];
        int op = Lua.GET_OPCODE(i);
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int c = Lua.GETARG_C(i);
        return switch (fault.operation()) {
            case INDEX -> switch (op) {
                case Lua.OP_GETTABLE, Lua.OP_SELF, Lua.OP_SETTABLE -> true;
                case Lua.OP_GETTABUP -> !isEnv(p, b);
                case Lua.OP_SETTABUP -> !isEnv(p, a);
                default -> false;
            };
            // a generic for calls its iterator with TFORCALL
            case CALL -> op == Lua.OP_CALL || op == Lua.OP_TAILCALL || op == Lua.OP_TFORCALL;
            case LENGTH -> op == Lua.OP_LEN;
            case ARITHMETIC -> fault.right() == null
                    ? op == Lua.OP_UNM || (isArithmetic(op) && (!Lua.ISK(b) || !Lua.ISK(c)
                            || constantType(p, b).equals(fault.left()) || constantType(p, c).equals(fault.left())))
                    : isArithmetic(op) && fits(constantType(p, b), fault.left()) && fits(constantType(p, c), fault.right());
            case CONCAT -> op == Lua.OP_CONCAT && (c != b + 1
                    || (fits(loadedConstantType(p, pc, b), fault.left())
                            && fits(loadedConstantType(p, pc, c), fault.right())));
        };
    }

    /**
     * The name of the operand of {@code CONCAT A B C} (registers B to C) that Lua blames. With two
     * operands the types say which; with more, the operands that are not constants must all
     * have the same name, since the message does not say which pair failed.
     */
    static String concatOperand(Prototype p, int pc, int b, int c, VmFault fault) {
        if (c == b + 1) {
            int register = fault.culprit() == 0 ? b : c;
            return loadedConstantType(p, pc, register) != null ? null : OperandNames.register(p, pc, register);
        }
        String agreed = null;
        for (int register = b; register <= c; register++) {
            if (loadedConstantType(p, pc, register) != null) {
                continue;
            }
            String name = OperandNames.register(p, pc, register);
            if (name == null || (agreed != null && !agreed.equals(name))) {
                return null;
            }
            agreed = name;
        }
        return agreed;
    }

    private static boolean fits(String constantType, String faultType) {
        return constantType == null || constantType.equals(faultType);
    }

    /** The type of an RK operand that is a constant, or null for a register. */
    static String constantType(Prototype p, int rk) {
        return Lua.ISK(rk) ? p.k[Lua.INDEXK(rk)].typename() : null;
    }

    /** The type of the constant a register was loaded with ({@code LOADK}) for instruction pc, or null. */
    private static String loadedConstantType(Prototype p, int pc, int register) {
        if (p.getlocalname(register + 1, pc) != null) {
            return null;
        }
        int writer = OperandNames.lastWriter(p, pc, register);
        if (writer < 0 || Lua.GET_OPCODE(p.code[writer]) != Lua.OP_LOADK) {
            return null;
        }
        LuaValue k = p.k[Lua.GETARG_Bx(p.code[writer])];
        return k.typename();
    }

    private static boolean isEnv(Prototype p, int upvalue) {
        return p.upvalues != null && upvalue < p.upvalues.length && p.upvalues[upvalue].name != null
                && p.upvalues[upvalue].name.tojstring().equals("_ENV");
    }
}
