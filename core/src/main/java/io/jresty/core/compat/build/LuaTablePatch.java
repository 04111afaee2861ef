package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.LDC;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * LuaJ's {@code org.luaj.vm2.LuaTable} with LuaJIT's length operator: {@code rawlen()} asks
 * {@code io.jresty.core.compat.LuaTableLength.border} (so {@code #{1, 2, nil, 4}} is 4, as the
 * constructor filled the whole array part), {@code length()}/{@code len()} ignore
 * {@code __len}, which LuaJIT does not honour on tables, and constructors size the array part
 * as LuaJIT's do ({@link ArraySizing}), which decides where # finds a border among nils.
 */
final class LuaTablePatch {
    static final String TARGET = "org/luaj/vm2/LuaTable.class";
    private static final String LENGTH = "io.jresty.core.compat.LuaTableLength";

    private LuaTablePatch() {}

    static byte[] patch(byte[] original) throws IOException {
        ClassGen cg = new ClassGen(new ClassParser(new ByteArrayInputStream(original), TARGET).parse());
        ConstantPoolGen cp = cg.getConstantPool();
        InstructionFactory f = new InstructionFactory(cg, cp);
        String table = cg.getClassName();

        ArraySizing.apply(cg, cp, f);
        invalidKeyError(cg, cp, f);
        InstructionList rawlen = new InstructionList();
        rawlen.append(InstructionConst.ALOAD_0);
        rawlen.append(InstructionConst.ALOAD_0);
        rawlen.append(f.createInvoke(table, "getArrayLength", Type.INT, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        rawlen.append(InstructionConst.ALOAD_0);
        rawlen.append(f.createGetField(table, "hashEntries", Type.INT));
        rawlen.append(InstructionConst.ALOAD_0);
        rawlen.append(f.createGetField(table, ArraySizing.FIELD, Type.INT));
        rawlen.append(f.createInvoke(LENGTH, "border", Type.INT,
                new Type[] {new ObjectType(table), Type.INT, Type.INT, Type.INT}, Const.INVOKESTATIC));
        rawlen.append(InstructionConst.IRETURN);
        replace(cg, cp, "rawlen", Type.INT, rawlen);

        InstructionList length = new InstructionList();
        length.append(InstructionConst.ALOAD_0);
        length.append(f.createInvoke(table, "rawlen", Type.INT, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        length.append(InstructionConst.IRETURN);
        replace(cg, cp, "length", Type.INT, length);

        ObjectType luaValue = new ObjectType("org.luaj.vm2.LuaValue");
        InstructionList len = new InstructionList();
        len.append(InstructionConst.ALOAD_0);
        len.append(f.createInvoke(table, "rawlen", Type.INT, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        len.append(f.createInvoke("org.luaj.vm2.LuaInteger", "valueOf", new ObjectType("org.luaj.vm2.LuaInteger"),
                new Type[] {Type.INT}, Const.INVOKESTATIC));
        len.append(InstructionConst.ARETURN);
        replace(cg, cp, "len", luaValue, len);

        return cg.getJavaClass().getBytes();
    }

    /**
     * set(key, value) raises "table index is nil" / "is NaN" (TableIndex.invalid(key)) where
     * LuaJ calls typerror("table index") on the table, which read "table index expected, got table".
     */
    private static void invalidKeyError(ClassGen cg, ConstantPoolGen cp, InstructionFactory f) {
        ObjectType value = new ObjectType("org.luaj.vm2.LuaValue");
        Method old = cg.containsMethod("set", Type.getMethodSignature(Type.VOID, new Type[] {value, value}));
        if (old == null) {
            throw new IllegalStateException("LuaTable.set(LuaValue, LuaValue) not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(old, cg.getClassName(), cp);
        InstructionList il = mg.getInstructionList();
        for (InstructionHandle ih : il.getInstructionHandles()) {
            if (ih.getInstruction() instanceof LDC ldc && "table index".equals(ldc.getValue(cp))) {
                InstructionHandle self = ih.getPrev();
                InstructionHandle call = ih.getNext();
                // aload_0; ldc "table index"; invokevirtual typerror  ->  aload_1; invokestatic TableIndex.invalid
                self.setInstruction(InstructionConst.ALOAD_1);
                ih.setInstruction(f.createInvoke("io.jresty.core.compat.TableIndex", "invalid", value,
                        new Type[] {value}, Const.INVOKESTATIC));
                call.setInstruction(InstructionConst.NOP);
                mg.setMaxStack();
                cg.replaceMethod(old, mg.getMethod());
                return;
            }
        }
        throw new IllegalStateException("LuaTable.set raises no 'table index' error: not LuaJ 3.0.1?");
    }

    private static void replace(ClassGen cg, ConstantPoolGen cp, String name, Type returns, InstructionList body) {
        Method old = cg.containsMethod(name, Type.getMethodSignature(returns, Type.NO_ARGS));
        if (old == null) {
            throw new IllegalStateException("LuaTable." + name + "() not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, returns, Type.NO_ARGS, null, name, cg.getClassName(), body, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.replaceMethod(old, mg.getMethod());
        body.dispose();
    }
}
