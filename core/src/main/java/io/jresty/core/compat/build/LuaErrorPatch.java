package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.FieldGen;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * LuaJ's {@code org.luaj.vm2.LuaError} with a {@code getMessage()} that asks
 * {@code io.jresty.core.compat.ErrorText.message} to join position and message, so runtime
 * errors read {@code chunk.lua:9: boom} as in LuaJIT, not LuaJ's {@code @chunk.lua:9 boom}.
 * It also gets a field {@code variable} for the name of the variable a VM error is about
 * ({@code global 'cfg'}, filled in by {@code io.jresty.core.compile.ErrorNames}) and a method
 * {@code vmMessage()} giving the message as LuaJ raised it, which the naming reads.
 */
final class LuaErrorPatch {
    static final String TARGET = "org/luaj/vm2/LuaError.class";
    private static final String TEXT = "io.jresty.core.compat.ErrorText";

    private LuaErrorPatch() {}

    static byte[] patch(byte[] original) throws IOException {
        ClassGen cg = new ClassGen(new ClassParser(new ByteArrayInputStream(original), TARGET).parse());
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod("getMessage", "()Ljava/lang/String;");
        if (old == null) {
            throw new IllegalStateException("LuaError.getMessage() not found: not LuaJ 3.0.1?");
        }
        cg.addField(new FieldGen(Const.ACC_PROTECTED, Type.STRING, "variable", cp).getField());
        InstructionFactory f = new InstructionFactory(cg, cp);
        addVmMessage(cg, cp, f);
        InstructionList il = new InstructionList();
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(cg.getClassName(), "traceback", Type.STRING));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createInvoke("java.lang.RuntimeException", "getMessage", Type.STRING, Type.NO_ARGS, Const.INVOKESPECIAL));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(cg.getClassName(), "fileline", Type.STRING));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(cg.getClassName(), "variable", Type.STRING));
        il.append(f.createInvoke(TEXT, "message", Type.STRING,
                new Type[] {Type.STRING, Type.STRING, Type.STRING, Type.STRING}, Const.INVOKESTATIC));
        il.append(InstructionConst.ARETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, new ObjectType("java.lang.String"), Type.NO_ARGS, null,
                "getMessage", cg.getClassName(), il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        il.dispose();
        return cg.getJavaClass().getBytes();
    }

    /** {@code public String vmMessage() { return super.getMessage(); }} */
    private static void addVmMessage(ClassGen cg, ConstantPoolGen cp, InstructionFactory f) {
        InstructionList il = new InstructionList();
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createInvoke("java.lang.RuntimeException", "getMessage", Type.STRING, Type.NO_ARGS, Const.INVOKESPECIAL));
        il.append(InstructionConst.ARETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, Type.STRING, Type.NO_ARGS, null, "vmMessage", cg.getClassName(), il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.addMethod(mg.getMethod());
        il.dispose();
    }
}
