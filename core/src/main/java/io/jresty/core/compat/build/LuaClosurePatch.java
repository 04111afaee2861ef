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
 * LuaJ's interpreter, {@code org.luaj.vm2.LuaClosure}, telling
 * {@code io.jresty.core.compile.ErrorNames.atInstruction(error, prototype, pc)} where an error
 * was raised before it positions the error ({@code processErrorHooks}), so that VM errors name
 * their variable as Lua's do. Only there is the failing instruction known.
 */
final class LuaClosurePatch {
    static final String TARGET = "org/luaj/vm2/LuaClosure.class";
    private static final String NAMES = "io.jresty.core.compile.ErrorNames";
    private static final String SIGNATURE = "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V";

    private LuaClosurePatch() {}

    static byte[] patch(byte[] original) throws IOException {
        ClassGen cg = new ClassGen(new ClassParser(new ByteArrayInputStream(original), TARGET).parse());
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod("processErrorHooks", SIGNATURE);
        if (old == null) {
            throw new IllegalStateException("LuaClosure.processErrorHooks(LuaError, Prototype, int) not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(old, cg.getClassName(), cp);
        InstructionFactory f = new InstructionFactory(cg, cp);
        InstructionList call = new InstructionList();
        call.append(InstructionConst.ALOAD_1);
        call.append(InstructionConst.ALOAD_2);
        call.append(new ILOAD(3));
        call.append(f.createInvoke(NAMES, "atInstruction", Type.VOID,
                new Type[] {new ObjectType("org.luaj.vm2.LuaError"), new ObjectType("org.luaj.vm2.Prototype"), Type.INT},
                Const.INVOKESTATIC));
        mg.getInstructionList().insert(call);
        mg.setMaxStack();
        cg.replaceMethod(old, mg.getMethod());
        mg.getInstructionList().dispose();
        return cg.getJavaClass().getBytes();
    }
}
