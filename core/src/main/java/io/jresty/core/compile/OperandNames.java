package io.jresty.core.compile;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * What a register holds at an instruction, in the words Lua's error messages use:
 * {@code local 'x'}, {@code global 'x'}, {@code field 'x'}, {@code method 'x'},
 * {@code upvalue 'x'}. A register that is an active local variable is that local; otherwise
 * the instruction that last wrote it, found by reading the code up to the instruction,
 * says where the value came from. A value whose origin is unsure (written on a path a jump
 * may skip, computed, a constant) has no name, and the message stays unnamed.
 */
final class OperandNames {
    private static final String ENV = "_ENV";

    private OperandNames() {}

    /** The name of register {@code register} as instruction {@code pc} reads it, or null. */
    static String register(Prototype p, int pc, int register) {
        LuaString local = p.getlocalname(register + 1, pc);
        if (local != null) {
            String name = local.tojstring();
            // the compiler's hidden locals ("(for index)") are no names a user wrote
            return name.startsWith("(") ? null : "local '" + name + "'";
        }
        int writer = lastWriter(p, pc, register);
        return writer < 0 ? null : origin(p, writer, register);
    }

    /** The name of upvalue {@code index} of p; the environment itself has none. */
    static String upvalue(Prototype p, int index) {
        String name = upvalueName(p, index);
        return name == null || name.equals(ENV) ? null : "upvalue '" + name + "'";
    }

    /** Where the value an instruction wrote came from, when that makes a name. */
    private static String origin(Prototype p, int pc, int register) {
        int i = p.code[pc];
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int c = Lua.GETARG_C(i);
        return switch (Lua.GET_OPCODE(i)) {
            // a copy of a lower register (a local) names what it copies
            case Lua.OP_MOVE -> b < a ? register(p, pc, b) : null;
            case Lua.OP_GETUPVAL -> upvalue(p, b);
            case Lua.OP_GETTABUP -> keyed(p, c, ENV.equals(upvalueName(p, b)));
            case Lua.OP_GETTABLE -> keyed(p, c, isEnvLocal(p, pc, b));
            // SELF puts the method in A and the object itself in A + 1
            case Lua.OP_SELF -> register != a ? register(p, pc, b)
                    : constantString(p, c) == null ? null : "method '" + constantString(p, c) + "'";
            default -> null;
        };
    }

    /** {@code t.k}: a global when t is the environment, a field otherwise; only constant string keys name. */
    private static String keyed(Prototype p, int rk, boolean fromEnv) {
        String key = constantString(p, rk);
        if (key == null) {
            return null;
        }
        return (fromEnv ? "global '" : "field '") + key + "'";
    }

    private static boolean isEnvLocal(Prototype p, int pc, int register) {
        LuaString local = p.getlocalname(register + 1, pc);
        return local != null && local.tojstring().equals(ENV);
    }

    /** The string constant an RK operand names, or null for a register or another constant. */
    static String constantString(Prototype p, int rk) {
        if (!Lua.ISK(rk)) {
            return null;
        }
        LuaValue k = p.k[Lua.INDEXK(rk)];
        return k.type() == LuaValue.TSTRING ? k.tojstring() : null;
    }

    private static String upvalueName(Prototype p, int index) {
        if (p.upvalues == null || index < 0 || index >= p.upvalues.length || p.upvalues[index].name == null) {
            return null;
        }
        return p.upvalues[index].name.tojstring();
    }

    /**
     * The instruction before {@code pc} that last wrote {@code register}, or -1 when none did or
     * when the last write sits on a path a forward jump (to at most pc) may skip, so the value
     * may come from elsewhere.
     */
    static int lastWriter(Prototype p, int pc, int register) {
        int writer = -1;
        int skippedUntil = 0;
        for (int at = 0; at < pc; at++) {
            int i = p.code[at];
            if (Lua.GET_OPCODE(i) == Lua.OP_JMP) {
                int target = at + 1 + Lua.GETARG_sBx(i);
                if (at < target && target <= pc && target > skippedUntil) {
                    skippedUntil = target;
                }
            } else if (writes(i, register)) {
                writer = at < skippedUntil ? -1 : at;
            }
        }
        return writer;
    }

    /** Whether an instruction writes the register (calls and loads of several write a range). */
    private static boolean writes(int i, int register) {
        int a = Lua.GETARG_A(i);
        return switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_LOADNIL -> register >= a && register <= a + Lua.GETARG_B(i);
            case Lua.OP_TFORCALL -> register >= a + 2;
            case Lua.OP_CALL, Lua.OP_TAILCALL -> register >= a;
            case Lua.OP_VARARG -> register >= a && (Lua.GETARG_B(i) == 0 || register <= a + Lua.GETARG_B(i) - 2);
            case Lua.OP_SELF -> register == a || register == a + 1;
            case Lua.OP_FORLOOP, Lua.OP_FORPREP -> register >= a && register <= a + 3;
            case Lua.OP_TFORLOOP -> register == a || register == a + 1;
            case Lua.OP_SETTABUP, Lua.OP_SETUPVAL, Lua.OP_SETTABLE, Lua.OP_SETLIST, Lua.OP_JMP, Lua.OP_EQ,
                    Lua.OP_LT, Lua.OP_LE, Lua.OP_TEST, Lua.OP_RETURN, Lua.OP_EXTRAARG -> false;
            default -> register == a;
        };
    }
}
