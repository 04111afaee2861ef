package io.jresty.ngx.api;

import io.jresty.ngx.phase.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaTable;

/**
 * Builds one Lua table of ngx functions and remembers every declaration, so the
 * phase matrix can be listed and tested.
 */
public final class ApiTable {
    private static final List<NgxFunction> DECLARED = Collections.synchronizedList(new ArrayList<>());

    private final String prefix;
    private final LuaTable table;

    public ApiTable(String prefix, LuaTable table) {
        this.prefix = prefix;
        this.table = table;
    }

    public LuaTable table() {
        return table;
    }

    /** A function that needs the current request (fails with "no request found" without one). */
    public void request(String name, Set<Phase> contexts, NgxFunction.Body body) {
        define(name, contexts, true, body);
    }

    /** A function that also works outside requests (init, init_worker, timers). */
    public void anywhere(String name, Set<Phase> contexts, NgxFunction.Body body) {
        define(name, contexts, false, body);
    }

    private void define(String name, Set<Phase> contexts, boolean needsRequest, NgxFunction.Body body) {
        NgxFunction f = new NgxFunction(prefix + name, contexts, needsRequest, body);
        table.set(name, f);
        DECLARED.add(f);
    }

    /** Every declaration made so far (by any worker), for docs and the phase-matrix test. */
    public static List<NgxFunction> declared() {
        synchronized (DECLARED) {
            return List.copyOf(DECLARED);
        }
    }
}
