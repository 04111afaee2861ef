package io.jresty.core.coroutine;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import io.jresty.core.worker.LuaWorker;
import java.util.concurrent.locks.LockSupport;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Lua coroutine on a virtual thread. Only one side runs at a time: resume hands the turn
 * (and the worker lock, and the resumer's per-thread state) to the coroutine's thread and parks
 * until it yields, returns or fails; yield hands everything back. A LuaThread to Lua, so type()
 * says "thread", but LuaJ's own platform-thread machinery is never started.
 */
final class VirtualCoroutine extends LuaThread implements Forkable {
    enum Status { SUSPENDED, RUNNING, NORMAL, DEAD }

    private static final ThreadLocal<VirtualCoroutine> CURRENT = new ThreadLocal<>();
    private static final int RESUMER = 0;
    private static final int COROUTINE = 1;

    static {
        ThreadCarriers.register(new ScopeCarrier());
    }

    private final LuaValue body;
    private volatile Status status = Status.SUSPENDED;
    /** Whose turn it is; the volatile write that hands the turn publishes everything before it. */
    private volatile int turn = RESUMER;
    private volatile boolean ended;
    private Thread thread;
    private Thread resumer;
    private Varargs transfer = LuaValue.NONE;
    private Object[] carried;
    private Runnable waitHook;
    private LuaWorker worker;
    /** How the body ended: an error value (resume returns false, it), or a Java error to rethrow. */
    private LuaValue error;
    private Throwable escaped;

    VirtualCoroutine(Globals globals, LuaValue body) {
        super(globals, body);
        this.body = body;
        CoroutineScope scope = CoroutineScope.current();
        if (scope != null) {
            scope.add(this);
        }
    }

    /**
     * This coroutine in a worker forked after init_by_lua made it: one not resumed yet starts
     * there over the worker's copy of its function, a dead one stays dead; one suspended
     * mid-way cannot be copied (its Lua stack lives on a thread of this worker).
     */
    @Override
    public LuaValue forkInto(ForkCopy copy) {
        if (status == Status.SUSPENDED && thread == null) {
            return new VirtualCoroutine(copy.target(), copy.of(body));
        }
        if (status == Status.DEAD) {
            VirtualCoroutine dead = new VirtualCoroutine(copy.target(), copy.of(body));
            dead.status = Status.DEAD;
            return dead;
        }
        throw new LuaError("init_by_lua left a " + getStatus()
                + " coroutine reachable from the Lua state: it cannot be copied to the other workers");
    }

    /** The coroutine running on this thread, or null on a main (non-coroutine) thread. */
    static VirtualCoroutine current() {
        return CURRENT.get();
    }

    Status status() {
        return status;
    }

    @Override
    public String getStatus() {
        return status.name().toLowerCase();
    }

    @Override
    public boolean isMainThread() {
        return false;
    }

    /** coroutine.resume: runs the coroutine until it yields or ends; called on the resumer's thread. */
    Varargs resume(Globals g, Varargs args) {
        if (status == Status.DEAD) {
            return failure("cannot resume dead coroutine");
        }
        if (status != Status.SUSPENDED) {
            return failure("cannot resume non-suspended coroutine");
        }
        VirtualCoroutine outer = CURRENT.get();
        if (outer != null) {
            outer.status = Status.NORMAL;
        }
        LuaThread running = g.running;
        g.running = this;
        status = Status.RUNNING;
        resumer = Thread.currentThread();
        transfer = args;
        carried = ThreadCarriers.capture();
        waitHook = LuaWorker.beforeNextWait(null);
        if (thread == null) {
            thread = Thread.ofVirtual().name("coroutine").unstarted(this::main);
        }
        worker = LuaWorker.of(g);
        if (worker != null && !worker.heldByCurrentThread()) {
            worker = null;
        }
        if (worker != null) {
            worker.handLockTo(thread);
        }
        turn = COROUTINE;
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        awaitTurn(RESUMER, true);
        g.running = running;
        if (outer != null) {
            outer.status = Status.RUNNING;
        }
        LuaWorker.beforeNextWait(waitHook);
        waitHook = null;
        if (escaped != null) {
            Throwable t = escaped;
            escaped = null;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) t;
        }
        if (error != null) {
            LuaValue e = error;
            error = null;
            return LuaValue.varargsOf(LuaValue.FALSE, e);
        }
        Varargs values = transfer;
        transfer = LuaValue.NONE;
        return LuaValue.varargsOf(LuaValue.TRUE, values);
    }

    /** coroutine.yield, on this coroutine's own thread. */
    Varargs yield(Varargs values) {
        transfer = values;
        status = Status.SUSPENDED;
        handBack();
        awaitTurn(COROUTINE, false);
        if (ended) {
            throw new CoroutineEnded();
        }
        takeOver();
        Varargs args = transfer;
        transfer = LuaValue.NONE;
        return args;
    }

    /** Ends a suspended coroutine for good: its thread unwinds without running more Lua. */
    void end() {
        if (status == Status.SUSPENDED && thread != null && thread.getState() != Thread.State.NEW) {
            ended = true;
            status = Status.DEAD;
            turn = COROUTINE;
            LockSupport.unpark(thread);
        } else if (status == Status.SUSPENDED) {
            status = Status.DEAD;
        }
    }

    private void main() {
        CURRENT.set(this);
        takeOver();
        try {
            Varargs args = transfer;
            transfer = LuaValue.NONE;
            transfer = body.invoke(args);
        } catch (CoroutineEnded e) {
            return;
        } catch (LuaError e) {
            LuaValue value = e.getMessageObject();
            error = value == null ? LuaValue.NIL : value;
        } catch (StackOverflowError e) {
            error = LuaValue.valueOf("stack overflow");
        } catch (RuntimeException | Error e) {
            escaped = e;
        }
        status = Status.DEAD;
        handBack();
    }

    /** On the coroutine's thread, at the start of its turn: the resumer's state becomes its own. */
    private void takeOver() {
        ThreadCarriers.install(carried);
        LuaWorker.beforeNextWait(waitHook);
        waitHook = null;
    }

    /** On the coroutine's thread, at the end of its turn: the lock and leftovers go back. */
    private void handBack() {
        waitHook = LuaWorker.beforeNextWait(null);
        if (worker != null) {
            worker.handLockTo(resumer);
        }
        Thread r = resumer;
        turn = RESUMER;
        LockSupport.unpark(r);
    }

    /**
     * Parks until it is side's turn. A resumer interrupted meanwhile (a budget, a kill) passes the
     * interrupt on to the coroutine, which is the one running Lua, and keeps it for itself too.
     */
    private void awaitTurn(int side, boolean passInterrupt) {
        boolean interrupted = false;
        while (turn != side) {
            LockSupport.park(this);
            if (passInterrupt && Thread.interrupted()) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(message));
    }

    /** Unwinds a coroutine whose scope closed while it was suspended; pcall cannot catch it. */
    static final class CoroutineEnded extends Error {
        CoroutineEnded() {
            super("coroutine ended with its request", null, false, false);
        }
    }

    /** Carries the entry's scope into coroutines, so nested ones end with it too. */
    private static final class ScopeCarrier implements ThreadCarriers.Carrier<CoroutineScope> {
        @Override
        public CoroutineScope capture() {
            return CoroutineScope.current();
        }

        @Override
        public void install(CoroutineScope value) {
            CoroutineScope.join(value);
        }
    }
}
