package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ArrayType;
import org.apache.bcel.generic.BranchHandle;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.FieldGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.IFNULL;
import org.apache.bcel.generic.ILOAD;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * LuaJC's {@code org.luaj.vm2.luajc.JavaBuilder} writing, into the line-number table of each
 * generated method, the Lua instruction (pc + 1) each stretch of JVM code was made from instead
 * of its Lua line. A stack trace of compiled Lua then says which instruction failed, as the
 * interpreter knows it; {@code io.jresty.core.compile.LuaFrames} turns it back into the Lua
 * line with the function's prototype, for positions.
 *
 * <p>The new {@code onEndOfLuaInstruction(pc, line)} keeps what the original does for branch
 * targets and differs only in the number it records, and in recording it for every
 * instruction that produced code.
 */
final class LuaJavaBuilderPatch {
    static final String TARGET = "org/luaj/vm2/luajc/JavaBuilder.class";
    /** A static field the patched class has, so readers of line tables can tell which kind they read. */
    static final String MARKER = "jrestyPcLines";
    private static final String BUILDER = "org.luaj.vm2.luajc.JavaBuilder";
    private static final ObjectType HANDLE = new ObjectType("org.apache.bcel.generic.InstructionHandle");
    private static final ObjectType LIST = new ObjectType("org.apache.bcel.generic.InstructionList");
    private static final ObjectType METHOD_GEN = new ObjectType("org.apache.bcel.generic.MethodGen");

    private LuaJavaBuilderPatch() {}

    static byte[] patch(byte[] original) throws IOException {
        ClassGen cg = new ClassGen(new ClassParser(new ByteArrayInputStream(original), TARGET).parse());
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod("onEndOfLuaInstruction", "(II)V");
        if (old == null) {
            throw new IllegalStateException("JavaBuilder.onEndOfLuaInstruction(int, int) not found: not LuaJ 3.0.1?");
        }
        cg.addField(new FieldGen(Const.ACC_PUBLIC | Const.ACC_STATIC, Type.BOOLEAN, MARKER, cp).getField());
        InstructionFactory f = new InstructionFactory(cg, cp);
        InstructionList il = new InstructionList();
        // branchDestHandles[pc] = beginningOfLuaInstruction
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(BUILDER, "branchDestHandles", new ArrayType(HANDLE, 1)));
        il.append(new ILOAD(1));
        il.append(beginning(f));
        il.append(InstructionConst.AASTORE);
        // lastInstrHandles[pc] = main.getEnd()
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(BUILDER, "lastInstrHandles", new ArrayType(HANDLE, 1)));
        il.append(new ILOAD(1));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(BUILDER, "main", LIST));
        il.append(f.createInvoke(LIST.getClassName(), "getEnd", HANDLE, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        il.append(InstructionConst.AASTORE);
        // if (beginningOfLuaInstruction != null) mg.addLineNumber(beginningOfLuaInstruction, pc + 1)
        il.append(beginning(f));
        BranchHandle noCode = il.append(new IFNULL(null));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(BUILDER, "mg", METHOD_GEN));
        il.append(beginning(f));
        il.append(new ILOAD(1));
        il.append(InstructionConst.ICONST_1);
        il.append(InstructionConst.IADD);
        il.append(f.createInvoke(METHOD_GEN.getClassName(), "addLineNumber",
                new ObjectType("org.apache.bcel.generic.LineNumberGen"), new Type[] {HANDLE, Type.INT}, Const.INVOKEVIRTUAL));
        il.append(InstructionConst.POP);
        // beginningOfLuaInstruction = null
        InstructionHandle end = il.append(InstructionConst.ALOAD_0);
        noCode.setTarget(end);
        il.append(InstructionConst.ACONST_NULL);
        il.append(f.createPutField(BUILDER, "beginningOfLuaInstruction", HANDLE));
        il.append(InstructionConst.RETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, Type.VOID, new Type[] {Type.INT, Type.INT}, null,
                "onEndOfLuaInstruction", BUILDER, il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        il.dispose();
        return cg.getJavaClass().getBytes();
    }

    private static InstructionList beginning(InstructionFactory f) {
        InstructionList il = new InstructionList();
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(BUILDER, "beginningOfLuaInstruction", HANDLE));
        return il;
    }
}
