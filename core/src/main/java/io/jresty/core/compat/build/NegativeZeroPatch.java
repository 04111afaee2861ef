package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.ILOAD;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * Keeps -0 where LuaJ's integer shortcuts lose it (LuaJIT's numbers are all doubles, so
 * {@code -0}, {@code 0 * -1} and {@code 0/-1} print "-0"):
 * {@code LuaInteger.neg()} and {@code LuaInteger.mul(int)} compute in doubles, and the
 * compiler's {@code FuncState.numberK}, which turns integral constants into integers, goes
 * through the patched {@code LuaDouble.valueOf}, which leaves -0 a double.
 */
final class NegativeZeroPatch {
    static final String INTEGER = "org/luaj/vm2/LuaInteger.class";
    static final String FUNC_STATE = "org/luaj/vm2/compiler/FuncState.class";
    private static final String DOUBLE = "org.luaj.vm2.LuaDouble";
    private static final ObjectType LUA_VALUE = new ObjectType("org.luaj.vm2.LuaValue");
    private static final ObjectType LUA_NUMBER = new ObjectType("org.luaj.vm2.LuaNumber");

    private NegativeZeroPatch() {}

    static byte[] patchInteger(byte[] original) throws IOException {
        ClassGen cg = parse(original, INTEGER);
        InstructionFactory f = new InstructionFactory(cg, cg.getConstantPool());
        // neg(): LuaDouble.valueOf(-(double) v)
        InstructionList neg = new InstructionList();
        neg.append(InstructionConst.ALOAD_0);
        neg.append(f.createGetField(cg.getClassName(), "v", Type.INT));
        neg.append(InstructionConst.I2D);
        neg.append(InstructionConst.DNEG);
        neg.append(f.createInvoke(DOUBLE, "valueOf", LUA_NUMBER, new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
        neg.append(InstructionConst.ARETURN);
        replace(cg, "neg", LUA_VALUE, Type.NO_ARGS, neg);
        // mul(int lhs): LuaDouble.valueOf((double) lhs * v); exact products of ints fit a long, and
        // rounding that to a double is what the double product gives
        InstructionList mul = new InstructionList();
        mul.append(new ILOAD(1));
        mul.append(InstructionConst.I2D);
        mul.append(InstructionConst.ALOAD_0);
        mul.append(f.createGetField(cg.getClassName(), "v", Type.INT));
        mul.append(InstructionConst.I2D);
        mul.append(InstructionConst.DMUL);
        mul.append(f.createInvoke(DOUBLE, "valueOf", LUA_NUMBER, new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
        mul.append(InstructionConst.ARETURN);
        replace(cg, "mul", LUA_VALUE, new Type[] {Type.INT}, mul);
        return cg.getJavaClass().getBytes();
    }

    static byte[] patchFuncState(byte[] original) throws IOException {
        ClassGen cg = parse(original, FUNC_STATE);
        InstructionFactory f = new InstructionFactory(cg, cg.getConstantPool());
        // numberK(LuaValue r): addk(LuaDouble.valueOf(r.todouble()))
        InstructionList numberK = new InstructionList();
        numberK.append(InstructionConst.ALOAD_0);
        numberK.append(InstructionConst.ALOAD_1);
        numberK.append(f.createInvoke(LUA_VALUE.getClassName(), "todouble", Type.DOUBLE, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        numberK.append(f.createInvoke(DOUBLE, "valueOf", LUA_NUMBER, new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
        numberK.append(f.createInvoke(cg.getClassName(), "addk", Type.INT, new Type[] {LUA_VALUE}, Const.INVOKEVIRTUAL));
        numberK.append(InstructionConst.IRETURN);
        replace(cg, "numberK", Type.INT, new Type[] {LUA_VALUE}, numberK);
        return cg.getJavaClass().getBytes();
    }

    private static ClassGen parse(byte[] original, String target) throws IOException {
        return new ClassGen(new ClassParser(new ByteArrayInputStream(original), target).parse());
    }

    private static void replace(ClassGen cg, String name, Type returns, Type[] params, InstructionList body) {
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod(name, Type.getMethodSignature(returns, params));
        if (old == null) {
            throw new IllegalStateException(cg.getClassName() + "." + name + " not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(old.getAccessFlags(), returns, params, null, name, cg.getClassName(), body, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        body.dispose();
    }
}
