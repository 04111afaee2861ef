package io.jresty.core.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.ClassParser;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.BranchInstruction;
import org.apache.bcel.generic.ClassGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionConst;
import org.apache.bcel.generic.InstructionFactory;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Select;
import org.apache.bcel.generic.Type;

/**
 * Rewrites a class LuaJC generated, in every Lua function body ({@code call}/{@code onInvoke}):
 * <ul>
 * <li>a call to {@code Budget.tick()} at the entry and before every backward branch, so loops,
 *     recursion and tail-call loops can be stopped;</li>
 * <li>an exception handler around the body that gives a LuaError its {@code chunk:line:} and
 *     turns a StackOverflowError into the Lua error {@code stack overflow}, which pcall catches.</li>
 * </ul>
 * LuaJC writes class-file version 45.3, which has no stack map frames, so inserting
 * instructions needs no frame recomputation.
 */
final class ClassPass {
    private static final String BUDGET = "io.jresty.core.budget.Budget";
    private static final String ERRORS = LuaErrors.class.getName();
    private static final ObjectType LUA_ERROR = new ObjectType("org.luaj.vm2.LuaError");
    private static final ObjectType OVERFLOW = new ObjectType(StackOverflowError.class.getName());

    private final boolean budgetChecks;

    ClassPass(boolean budgetChecks) {
        this.budgetChecks = budgetChecks;
    }

    byte[] apply(String className, byte[] bytes) {
        JavaClass parsed;
        try {
            parsed = new ClassParser(new ByteArrayInputStream(bytes), className + ".class").parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassGen cg = new ClassGen(parsed);
        ConstantPoolGen pool = cg.getConstantPool();
        InstructionFactory factory = new InstructionFactory(cg, pool);
        for (Method method : cg.getMethods()) {
            if (method.getName().equals("call") || method.getName().equals("onInvoke")) {
                MethodGen mg = new MethodGen(method, cg.getClassName(), pool);
                if (budgetChecks) {
                    addTicks(mg.getInstructionList(), factory);
                }
                addErrorHandlers(mg, factory);
                mg.setMaxStack();
                cg.replaceMethod(method, mg.getMethod());
                mg.getInstructionList().dispose();
            }
        }
        return cg.getJavaClass().getBytes();
    }

    private static void addTicks(InstructionList il, InstructionFactory factory) {
        il.setPositions();
        for (InstructionHandle ih : il.getInstructionHandles()) {
            if (ih.getInstruction() instanceof BranchInstruction branch && isBackward(ih, branch)) {
                InstructionHandle tick = il.insert(ih, tick(factory));
                // jumps that land on the back-edge (a `while true do end` jumps to itself) tick too
                il.redirectBranches(ih, tick);
            }
        }
        il.insert(tick(factory));
    }

    private static boolean isBackward(InstructionHandle ih, BranchInstruction branch) {
        int at = ih.getPosition();
        if (branch instanceof Select select) {
            for (InstructionHandle target : select.getTargets()) {
                if (target.getPosition() <= at) {
                    return true;
                }
            }
        }
        return branch.getTarget().getPosition() <= at;
    }

    private static org.apache.bcel.generic.Instruction tick(InstructionFactory factory) {
        return factory.createInvoke(BUDGET, "tick", Type.VOID, Type.NO_ARGS, Const.INVOKESTATIC);
    }

    private static void addErrorHandlers(MethodGen mg, InstructionFactory factory) {
        InstructionList il = mg.getInstructionList();
        InstructionHandle start = il.getStart();
        InstructionHandle end = il.getEnd();
        InstructionHandle onError = il.append(factory.createInvoke(
                ERRORS, "located", LUA_ERROR, new Type[] {LUA_ERROR}, Const.INVOKESTATIC));
        il.append(InstructionConst.ATHROW);
        InstructionHandle onOverflow = il.append(factory.createInvoke(
                ERRORS, "stackOverflow", LUA_ERROR, new Type[] {OVERFLOW}, Const.INVOKESTATIC));
        il.append(InstructionConst.ATHROW);
        mg.addExceptionHandler(start, end, onError, LUA_ERROR);
        mg.addExceptionHandler(start, end, onOverflow, OVERFLOW);
    }
}
