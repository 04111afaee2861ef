package io.jresty.core.compat.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ANEWARRAY;
import org.apache.bcel.generic.BranchInstruction;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ILOAD;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.INVOKESPECIAL;
import org.apache.bcel.generic.INVOKEVIRTUAL;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.InstructionTargeter;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.RETURN;
import org.apache.bcel.generic.Type;

/**
 * Calls {@code io.jresty.core.budget.LuaAllocation} where LuaJ's tables and strings allocate, so
 * a Lua call's budget can cap what it builds: presize(int, int) on entry (a table and both its
 * parts in one call: every constructor with contents goes through it), each other LuaTable
 * constructor that does not delegate to another, each array or hash part that resize/rehash
 * allocates (before the allocation, so a table over the limit is left as it was), and the one
 * LuaString constructor.
 */
final class AllocationPatch {
    static final String STRING_TARGET = "org/luaj/vm2/LuaString.class";
    private static final String HOOK = "io.jresty.core.budget.LuaAllocation";
    private static final Set<String> GROWTH = Set.of("presize", "resize", "rehash");
    private static final String PRESIZE_BOTH = "(II)V";

    private AllocationPatch() {}

    static byte[] table(byte[] original) throws IOException {
        ClassGen cg = parse(original, LuaTablePatch.TARGET);
        ConstantPoolGen cp = cg.getConstantPool();
        InstructionFactory f = new InstructionFactory(cg, cp);
        int parts = 0;
        int constructors = 0;
        for (Method m : cg.getMethods()) {
            MethodGen mg = new MethodGen(m, cg.getClassName(), cp);
            InstructionList il = mg.getInstructionList();
            boolean changed = false;
            if (m.getName().equals("presize") && m.getSignature().equals(PRESIZE_BOTH)) {
                InstructionList charge = new InstructionList();
                charge.append(new ILOAD(1));
                charge.append(new ILOAD(2));
                charge.append(f.createInvoke(HOOK, "presized", Type.VOID, new Type[] {Type.INT, Type.INT},
                        Const.INVOKESTATIC));
                il.insert(charge);
                parts++;
                changed = true;
            } else if (GROWTH.contains(m.getName())) {
                for (InstructionHandle h : il.getInstructionHandles()) {
                    if (h.getInstruction() instanceof ANEWARRAY a) {
                        String element = a.getLoadClassType(cp).getClassName();
                        String hook = switch (element) {
                            case "org.luaj.vm2.LuaValue" -> "arrayPart";
                            case "org.luaj.vm2.LuaTable$Slot" -> "hashPart";
                            default -> null;
                        };
                        if (hook != null) {
                            InstructionList charge = new InstructionList();
                            charge.append(InstructionConst.DUP);
                            charge.append(f.createInvoke(HOOK, hook, Type.VOID, new Type[] {Type.INT}, Const.INVOKESTATIC));
                            insertBefore(il, h, charge);
                            parts++;
                            changed = true;
                        }
                    }
                }
            } else if (m.getName().equals("<init>") && !delegates(il, cp, cg.getClassName()) && !presizes(il, cp)) {
                for (InstructionHandle h : il.getInstructionHandles()) {
                    if (h.getInstruction() instanceof RETURN) {
                        InstructionList charge = new InstructionList();
                        charge.append(f.createInvoke(HOOK, "table", Type.VOID, Type.NO_ARGS, Const.INVOKESTATIC));
                        insertBefore(il, h, charge);
                        changed = true;
                    }
                }
                constructors++;
            }
            if (changed) {
                mg.setMaxStack();
                cg.replaceMethod(m, mg.getMethod());
            }
            il.dispose();
        }
        if (parts < 4 || constructors < 1) {
            throw new IllegalStateException("LuaTable's allocations not where expected (" + parts + " parts, "
                    + constructors + " constructors): not LuaJ 3.0.1?");
        }
        return cg.getJavaClass().getBytes();
    }

    static byte[] string(byte[] original) throws IOException {
        ClassGen cg = parse(original, STRING_TARGET);
        ConstantPoolGen cp = cg.getConstantPool();
        InstructionFactory f = new InstructionFactory(cg, cp);
        Method init = cg.containsMethod("<init>", "([BII)V");
        if (init == null) {
            throw new IllegalStateException("LuaString(byte[], int, int) not found: not LuaJ 3.0.1?");
        }
        MethodGen mg = new MethodGen(init, cg.getClassName(), cp);
        InstructionList il = mg.getInstructionList();
        for (InstructionHandle h : il.getInstructionHandles()) {
            if (h.getInstruction() instanceof RETURN) {
                InstructionList charge = new InstructionList();
                charge.append(new ILOAD(3));
                charge.append(f.createInvoke(HOOK, "string", Type.VOID, new Type[] {Type.INT}, Const.INVOKESTATIC));
                insertBefore(il, h, charge);
            }
        }
        mg.setMaxStack();
        cg.replaceMethod(init, mg.getMethod());
        il.dispose();
        return cg.getJavaClass().getBytes();
    }

    private static ClassGen parse(byte[] original, String target) throws IOException {
        return new ClassGen(new ClassParser(new ByteArrayInputStream(original), target).parse());
    }

    /** A constructor that calls this(...) is charged by the one it calls. */
    private static boolean delegates(InstructionList il, ConstantPoolGen cp, String className) {
        for (InstructionHandle h : il.getInstructionHandles()) {
            if (h.getInstruction() instanceof INVOKESPECIAL call && call.getMethodName(cp).equals("<init>")) {
                return call.getClassName(cp).equals(className);
            }
        }
        return false;
    }

    /** A constructor that calls presize(int, int) is charged there. */
    private static boolean presizes(InstructionList il, ConstantPoolGen cp) {
        for (InstructionHandle h : il.getInstructionHandles()) {
            if (h.getInstruction() instanceof INVOKEVIRTUAL call
                    && call.getMethodName(cp).equals("presize") && call.getSignature(cp).equals(PRESIZE_BOTH)) {
                return true;
            }
        }
        return false;
    }

    /** Inserts code before h; jumps that went to h now run it first. */
    private static void insertBefore(InstructionList il, InstructionHandle h, InstructionList code) {
        InstructionHandle first = il.insert(h, code);
        for (InstructionTargeter t : h.getTargeters() == null ? new InstructionTargeter[0] : h.getTargeters()) {
            if (t instanceof BranchInstruction b) {
                b.updateTarget(h, first);
            }
        }
    }
}
