package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.INVOKESPECIAL;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.NEW;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.TargetLostException;
import org.apache.bcel.generic.Type;

/**
 * LuaJ's {@code org.luaj.vm2.luajc.JavaBuilder} with number constants that keep -0: it pushes
 * a double constant with BCEL's {@code new PUSH(cp, d)}, which writes DCONST_0 for -0.0 too, so
 * compiled code printed "0" for {@code -0}. The patched {@code createLuaDoubleField} asks
 * {@code io.jresty.core.compat.DoubleConstant.push} instead.
 */
final class LuaJcConstantPatch {
    static final String TARGET = "org/luaj/vm2/luajc/JavaBuilder.class";
    private static final String PUSH = "org.apache.bcel.generic.PUSH";
    private static final String HELPER = "io.jresty.core.compat.DoubleConstant";

    private LuaJcConstantPatch() {}

    static byte[] patch(byte[] original) throws IOException {
        ClassGen cg = new ClassGen(new ClassParser(new ByteArrayInputStream(original), TARGET).parse());
        ConstantPoolGen cp = cg.getConstantPool();
        Method old = cg.containsMethod("createLuaDoubleField", "(D)Ljava/lang/String;");
        if (old == null) {
            throw new IllegalStateException("JavaBuilder.createLuaDoubleField not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(old, cg.getClassName(), cp);
        InstructionList il = mg.getInstructionList();
        InstructionFactory f = new InstructionFactory(cg, cp);
        InstructionHandle created = null;
        for (InstructionHandle ih : il.getInstructionHandles()) {
            if (ih.getInstruction() instanceof NEW n && n.getLoadClassType(cp).getClassName().equals(PUSH)) {
                created = ih;
            } else if (created != null && ih.getInstruction() instanceof INVOKESPECIAL call
                    && call.getClassName(cp).equals(PUSH)) {
                // new PUSH; dup; <cp>; <d>; invokespecial PUSH(cp, d)  ->  <cp>; <d>; invokestatic push(cp, d)
                il.insert(ih, f.createInvoke(HELPER, "push", new ObjectType("org.apache.bcel.generic.CompoundInstruction"),
                        new Type[] {new ObjectType("org.apache.bcel.generic.ConstantPoolGen"), Type.DOUBLE},
                        Const.INVOKESTATIC));
                try {
                    il.delete(ih);
                    il.delete(created.getNext());
                    il.delete(created);
                } catch (TargetLostException e) {
                    throw new IllegalStateException("JavaBuilder.createLuaDoubleField: a jump lands inside new PUSH", e);
                }
                mg.setMaxStack();
                cg.replaceMethod(old, mg.getMethod());
                return cg.getJavaClass().getBytes();
            }
        }
        throw new IllegalStateException("JavaBuilder.createLuaDoubleField pushes no PUSH(cp, d): not LuaJ 3.0.1?");
    }
}
