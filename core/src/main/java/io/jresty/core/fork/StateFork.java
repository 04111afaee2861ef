package io.jresty.core.fork;

import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * nginx's fork for one worker: made while the master's state and the worker's are both
 * fresh (built the same way, no user code run yet), then, after init_by_lua ran in the
 * master's state, {@link #copy()} makes the worker's state a deep copy of it.
 *
 * <p>Call both with no Lua running in either state (the copy reads one and writes the other).
 */
public final class StateFork {
    private final Globals target;
    private final Map<LuaValue, LuaValue> pairs;
    private boolean copied;

    private StateFork(Globals target, Map<LuaValue, LuaValue> pairs) {
        this.target = target;
        this.pairs = pairs;
    }

    /** Pairs the built-in objects of two fresh states; see {@link StatePairing}. */
    public static StateFork prepare(Globals master, Globals worker) {
        if (master == worker) {
            throw new IllegalArgumentException("a state cannot be forked into itself");
        }
        return new StateFork(worker, StatePairing.of(master, worker));
    }

    /** Copies the master's state, as init_by_lua left it, into the worker's; once. */
    public ForkStats copy() {
        if (copied) {
            throw new IllegalStateException("this fork was copied already");
        }
        copied = true;
        return new LuaStateCopy(pairs, target).run(pairs);
    }
}
