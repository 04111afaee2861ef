package io.jresty.core.compat;

import org.apache.bcel.generic.CompoundInstruction;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.PUSH;

/**
 * How compiled Lua loads a number constant; the patched LuaJC {@code JavaBuilder} calls
 * {@link #push}. BCEL's PUSH writes DCONST_0 for -0.0 as for 0.0, losing the sign LuaJIT prints.
 */
public final class DoubleConstant {
    private DoubleConstant() {}

    public static CompoundInstruction push(ConstantPoolGen cp, double d) {
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return () -> {
                InstructionList negativeZero = new InstructionList();
                negativeZero.append(InstructionConst.DCONST_0);
                negativeZero.append(InstructionConst.DNEG);
                return negativeZero;
            };
        }
        return new PUSH(cp, d);
    }
}
