package io.jresty.core.compile;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Which operand of a failed arithmetic or concatenation instruction Lua blames, where the
 * operand types in LuaJ's message leave a choice: constants (a literal, or a temporary loaded
 * with one) are never blamed by name, and a constant of another type than the failing one is
 * not the failing operand.
 */
final class FaultingInstruction {
    private FaultingInstruction() {}

    static boolean isArithmetic(int op) {
        return op >= Lua.OP_ADD && op <= Lua.OP_POW;
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
}
