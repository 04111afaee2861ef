package io.jresty.core.compile;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Prototype;

/**
 * Names the variable a run-time error is about, as Lua 5.1 and LuaJIT do:
 * {@code attempt to index global 'cfg' (a nil value)}. The name is kept on the error and
 * joined into its text by {@code io.jresty.core.compat.ErrorText}.
 *
 * <p>The interpreter tells {@link #atInstruction} the failing instruction from LuaJ's patched
 * {@code LuaClosure}; compiled code reads it from the stack trace ({@link LuaErrors}). Where the
 * operand's origin is unsure the message keeps LuaJIT's unnamed form: a missing name is
 * better than a wrong one.
 */
public final class ErrorNames {
    private ErrorNames() {}

    /**
     * Puts the name of the operand that instruction {@code pc} of p failed on onto a VM error
     * raised there; leaves other errors (from error(), from library functions) alone.
     */
    public static void atInstruction(LuaError e, Prototype p, int pc) {
        if (ErrorFields.variable(e) != null || p == null || p.code == null || pc < 0 || pc >= p.code.length) {
            return;
        }
        VmFault fault = VmFault.of(ErrorFields.vmMessage(e));
        String name = fault == null ? null : named(p, pc, fault);
        // the stack trace is costly to read: only when there is a name to give
        if (name != null && LuaFrames.raisedByVm(e.getStackTrace())) {
            ErrorFields.variable(e, name);
        }
    }

    /** The name of the operand instruction pc failed on, or null when it has none or is no such instruction. */
    static String named(Prototype p, int pc, VmFault fault) {
        int i = p.code[pc];
        int op = Lua.GET_OPCODE(i);
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int c = Lua.GETARG_C(i);
        return switch (fault.operation()) {
            case INDEX -> switch (op) {
                case Lua.OP_GETTABLE, Lua.OP_SELF -> OperandNames.register(p, pc, b);
                case Lua.OP_SETTABLE -> OperandNames.register(p, pc, a);
                case Lua.OP_GETTABUP -> OperandNames.upvalue(p, b);
                case Lua.OP_SETTABUP -> OperandNames.upvalue(p, a);
                default -> null;
            };
            case CALL -> op == Lua.OP_CALL || op == Lua.OP_TAILCALL ? OperandNames.register(p, pc, a) : null;
            case LENGTH -> op == Lua.OP_LEN ? OperandNames.register(p, pc, b) : null;
            case ARITHMETIC -> op == Lua.OP_UNM ? OperandNames.register(p, pc, b)
                    : FaultingInstruction.isArithmetic(op) ? arithmeticOperand(p, pc, b, c, fault) : null;
            case CONCAT -> op == Lua.OP_CONCAT ? FaultingInstruction.concatOperand(p, pc, b, c, fault) : null;
        };
    }

    private static String arithmeticOperand(Prototype p, int pc, int b, int c, VmFault fault) {
        int culprit = fault.culprit();
        if (culprit < 0 && fault.right() == null) {
            // only the failing operand's type is known: a constant of another type is not it
            culprit = Lua.ISK(b) && !FaultingInstruction.constantType(p, b).equals(fault.left()) ? 1
                    : Lua.ISK(c) && !FaultingInstruction.constantType(p, c).equals(fault.left()) ? 0 : -1;
        }
        if (culprit < 0) {
            return null;
        }
        int rk = culprit == 0 ? b : c;
        // LuaJIT names variables only, never a constant operand
        return Lua.ISK(rk) ? null : OperandNames.register(p, pc, rk);
    }
}
