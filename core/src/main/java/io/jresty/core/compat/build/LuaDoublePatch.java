package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.BranchInstruction;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.DLOAD;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * LuaJ's {@code org.luaj.vm2.LuaDouble} with a {@code tojstring()} that calls
 * {@code io.jresty.core.compat.LuaNumberFormat.format(double)}, so that "..", print and
 * table.concat print numbers as LuaJIT does, and a {@code valueOf(double)} that keeps -0.
 */
final class LuaDoublePatch {
    static final String TARGET = "org/luaj/vm2/LuaDouble.class";
    private static final String FORMATTER = "io.jresty.core.compat.LuaNumberFormat";

    private LuaDoublePatch() {}

    static byte[] patch(byte[] original) throws IOException {
        JavaClass clazz = new ClassParser(new ByteArrayInputStream(original), TARGET).parse();
        ClassGen cg = new ClassGen(clazz);
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod("tojstring", "()Ljava/lang/String;");
        if (old == null) {
            throw new IllegalStateException("LuaDouble.tojstring() not found: not LuaJ 3.0.1?");
        }
        InstructionFactory f = new InstructionFactory(cg, cp);
        replaceToJString(cg, cp, f, old);
        replaceValueOf(cg, cp, f);
        replaceDivision(cg, cp, f, "ddiv", new ObjectType("org.luaj.vm2.LuaValue"));
        replaceDivision(cg, cp, f, "ddiv_d", Type.DOUBLE);
        return cg.getJavaClass().getBytes();
    }

    /**
     * ddiv/ddiv_d(a, b): a / b. LuaJ special-cases b == 0 and so loses the sign of a zero
     * divisor (1/-0 gave inf); IEEE division, which C and LuaJIT use, already gives inf, -inf and nan.
     */
    private static void replaceDivision(ClassGen cg, ConstantPoolGen cp, InstructionFactory f, String name, Type returns) {
        Type[] params = {Type.DOUBLE, Type.DOUBLE};
        Method old = cg.containsMethod(name, Type.getMethodSignature(returns, params));
        if (old == null) {
            throw new IllegalStateException("LuaDouble." + name + " not found: not LuaJ 3.0.1?");
        }
        InstructionList il = new InstructionList();
        il.append(new DLOAD(0));
        il.append(new DLOAD(2));
        il.append(InstructionConst.DDIV);
        if (returns == Type.DOUBLE) {
            il.append(InstructionConst.DRETURN);
        } else {
            il.append(f.createInvoke(cg.getClassName(), "valueOf", new ObjectType("org.luaj.vm2.LuaNumber"),
                    new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
            il.append(InstructionConst.ARETURN);
        }
        MethodGen mg = new MethodGen(old.getAccessFlags(), returns, params, new String[] {"a", "b"}, name,
                cg.getClassName(), il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        il.dispose();
    }

    /** tojstring() { return LuaNumberFormat.format(v); } */
    private static void replaceToJString(ClassGen cg, ConstantPoolGen cp, InstructionFactory f, Method old) {
        InstructionList il = new InstructionList();
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(cg.getClassName(), "v", Type.DOUBLE));
        il.append(f.createInvoke(FORMATTER, "format", Type.STRING, new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
        il.append(InstructionConst.ARETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, Type.STRING, Type.NO_ARGS, null,
                "tojstring", cg.getClassName(), il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        il.dispose();
    }

    /**
     * valueOf(double d): LuaInteger when LuaNumberFormat.isInteger(d), else a LuaDouble; LuaJ's own
     * test (d == (int) d) turns -0.0 into the integer 0, which then prints "0" where LuaJIT prints "-0".
     */
    private static void replaceValueOf(ClassGen cg, ConstantPoolGen cp, InstructionFactory f) {
        Method old = cg.containsMethod("valueOf", "(D)Lorg/luaj/vm2/LuaNumber;");
        if (old == null) {
            throw new IllegalStateException("LuaDouble.valueOf(double) not found: not LuaJ 3.0.1?");
        }
        ObjectType number = new ObjectType("org.luaj.vm2.LuaNumber");
        InstructionList il = new InstructionList();
        il.append(new DLOAD(0));
        il.append(f.createInvoke(FORMATTER, "isInteger", Type.BOOLEAN, new Type[] {Type.DOUBLE}, Const.INVOKESTATIC));
        BranchInstruction toDouble = InstructionFactory.createBranchInstruction(Const.IFEQ, null);
        il.append(toDouble);
        il.append(new DLOAD(0));
        il.append(InstructionConst.D2I);
        il.append(f.createInvoke("org.luaj.vm2.LuaInteger", "valueOf", new ObjectType("org.luaj.vm2.LuaInteger"),
                new Type[] {Type.INT}, Const.INVOKESTATIC));
        il.append(InstructionConst.ARETURN);
        InstructionHandle makeDouble = il.append(f.createNew(cg.getClassName()));
        toDouble.setTarget(makeDouble);
        il.append(InstructionConst.DUP);
        il.append(new DLOAD(0));
        il.append(f.createInvoke(cg.getClassName(), "<init>", Type.VOID, new Type[] {Type.DOUBLE}, Const.INVOKESPECIAL));
        il.append(InstructionConst.ARETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC | Const.ACC_STATIC, number, new Type[] {Type.DOUBLE},
                new String[] {"d"}, "valueOf", cg.getClassName(), il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        il.dispose();
    }
}
