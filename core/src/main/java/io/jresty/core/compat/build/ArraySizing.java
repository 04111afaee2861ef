package io.jresty.core.compat.build;

import org.apache.bcel.Const;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.FieldGen;
import org.apache.bcel.generic.ILOAD;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * Gives LuaJ's {@code LuaTable} the size LuaJIT's array part would have after a table
 * constructor, so that # picks the same border when a constructor holds nils
 * ({@code #{nil, nil, 3}} is 3). LuaJ's own array stays as LuaJ sizes it (a power of two, which
 * its rehash relies on); a field {@code jitArray} (LuaJIT's size + 1, 0 when unknown) records:
 * <ul>
 * <li>{@code presize(narray, nhash)} (a constructor's NEWTABLE, table.new): narray;</li>
 * <li>{@code rawsetlist(key0, values)} (compiled code's SETLIST of a trailing {@code ...} or
 *     call): {@code io.jresty.core.compat.LuaTableLength.listSize}, LuaJIT's rule for TSETM;</li>
 * <li>{@code rehash}, where LuaJ resizes: unknown again.</li>
 * </ul>
 */
final class ArraySizing {
    static final String FIELD = "jitArray";
    private static final String TABLE = "org.luaj.vm2.LuaTable";
    private static final String LENGTH = "io.jresty.core.compat.LuaTableLength";
    private static final ObjectType VARARGS = new ObjectType("org.luaj.vm2.Varargs");

    private ArraySizing() {}

    static void apply(ClassGen cg, ConstantPoolGen cp, InstructionFactory f) {
        cg.addField(new FieldGen(Const.ACC_PRIVATE, Type.INT, FIELD, cp).getField());
        // presize(narray, nhash): jitArray = narray + 1, then LuaJ's body
        InstructionList presize = new InstructionList();
        presize.append(InstructionConst.ALOAD_0);
        presize.append(new ILOAD(1));
        presize.append(InstructionConst.ICONST_1);
        presize.append(InstructionConst.IADD);
        presize.append(f.createPutField(TABLE, FIELD, Type.INT));
        prefix(cg, cp, "presize", new Type[] {Type.INT, Type.INT}, presize);
        // rehash(key): jitArray = 0, then LuaJ's body
        InstructionList rehash = new InstructionList();
        rehash.append(InstructionConst.ALOAD_0);
        rehash.append(InstructionConst.ICONST_0);
        rehash.append(f.createPutField(TABLE, FIELD, Type.INT));
        prefix(cg, cp, "rehash", new Type[] {Type.INT}, rehash);
        listSizing(cg, cp, f);
    }

    /**
     * rawsetlist(key0, values) { int size = LuaTableLength.listSize(key0 + values.narg() - 1,
     * getArrayLength(), jitArray); presize(size); super.rawsetlist(key0, values); jitArray = size + 1; }
     */
    private static void listSizing(ClassGen cg, ConstantPoolGen cp, InstructionFactory f) {
        Type[] params = {Type.INT, VARARGS};
        if (cg.containsMethod("rawsetlist", Type.getMethodSignature(Type.VOID, params)) != null) {
            throw new IllegalStateException("LuaTable already has rawsetlist: not LuaJ 3.0.1?");
        }
        InstructionList il = new InstructionList();
        il.append(new ILOAD(1));
        il.append(InstructionConst.ALOAD_2);
        il.append(f.createInvoke(VARARGS.getClassName(), "narg", Type.INT, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        il.append(InstructionConst.IADD);
        il.append(InstructionConst.ICONST_1);
        il.append(InstructionConst.ISUB);
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createInvoke(TABLE, "getArrayLength", Type.INT, Type.NO_ARGS, Const.INVOKEVIRTUAL));
        il.append(InstructionConst.ALOAD_0);
        il.append(f.createGetField(TABLE, FIELD, Type.INT));
        il.append(f.createInvoke(LENGTH, "listSize", Type.INT, new Type[] {Type.INT, Type.INT, Type.INT},
                Const.INVOKESTATIC));
        il.append(new org.apache.bcel.generic.ISTORE(3));
        il.append(InstructionConst.ALOAD_0);
        il.append(new ILOAD(3));
        il.append(f.createInvoke(TABLE, "presize", Type.VOID, new Type[] {Type.INT}, Const.INVOKEVIRTUAL));
        il.append(InstructionConst.ALOAD_0);
        il.append(new ILOAD(1));
        il.append(InstructionConst.ALOAD_2);
        il.append(f.createInvoke("org.luaj.vm2.LuaValue", "rawsetlist", Type.VOID, params, Const.INVOKESPECIAL));
        il.append(InstructionConst.ALOAD_0);
        il.append(new ILOAD(3));
        il.append(InstructionConst.ICONST_1);
        il.append(InstructionConst.IADD);
        il.append(f.createPutField(TABLE, FIELD, Type.INT));
        il.append(InstructionConst.RETURN);
        MethodGen mg = new MethodGen(Const.ACC_PUBLIC, Type.VOID, params, new String[] {"key0", "values"},
                "rawsetlist", TABLE, il, cp);
        mg.setMaxStack();
        mg.setMaxLocals();
        cg.addMethod(mg.getMethod());
        il.dispose();
    }

    private static void prefix(ClassGen cg, ConstantPoolGen cp, String name, Type[] params, InstructionList first) {
        Method old = cg.containsMethod(name, Type.getMethodSignature(Type.VOID, params));
        if (old == null) {
            throw new IllegalStateException("LuaTable." + name + " not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(old, TABLE, cp);
        mg.getInstructionList().insert(first);
        mg.setMaxStack();
        cg.replaceMethod(old, mg.getMethod());
    }
}
