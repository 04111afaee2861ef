package io.jresty.ngx.dynacode;

import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Twinned;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * dynacode's `events` table of one worker: the event-name constants and `on(name, fn)`.
 * Listeners run in registration order; one that raises is logged and the others still run.
 * Used under the worker's lock only.
 */
final class ControllerEvents {
    /** dynacode's constants, in its order: Lua key → event name. */
    static final Map<String, String> NAMES = names();

    private final Map<String, List<LuaFunction>> listeners = new LinkedHashMap<>();
    private final ErrorLog log;
    private final LuaTable table;
    private final LuaValue on;

    /** {@code twin} makes the controller's counterpart when the state is copied to another worker. */
    ControllerEvents(ErrorLog log, Consumer<ForkCopy> twin) {
        this.log = log;
        this.table = new Twinned.Table(twin);
        NAMES.forEach(table::set);
        this.on = new Twinned.Call("on", args -> {
            LuaValue name = args.arg1();
            if (!name.isstring()) {
                throw new ApiError("the event name must be a string");
            }
            listeners.computeIfAbsent(name.tojstring(), k -> new ArrayList<>()).add(args.arg(2).checkfunction());
            return LuaValue.NONE;
        }, twin);
        table.set("on", on);
    }

    /** Gives a forked worker's events the counterparts of this table and these listeners. */
    void forkInto(ControllerEvents twin, ForkCopy copy) {
        copy.counterpart(table, twin.table);
        copy.counterpart(on, twin.on);
        // later: a listener may be one of the controller's own functions, whose twin is being made
        copy.later(() -> listeners.forEach((name, fns) -> {
            List<LuaFunction> copies = new ArrayList<>();
            for (LuaFunction fn : fns) {
                copies.add((LuaFunction) copy.of(fn));
            }
            twin.listeners.put(name, copies);
        }));
    }

    LuaTable table() {
        return table;
    }

    boolean hasListeners(String event) {
        List<LuaFunction> fns = listeners.get(event);
        return fns != null && !fns.isEmpty();
    }

    void emit(String event, Varargs args) {
        List<LuaFunction> fns = listeners.get(event);
        if (fns == null) {
            return;
        }
        for (LuaFunction fn : List.copyOf(fns)) {
            try {
                fn.invoke(args);
            } catch (LuaError e) {
                log.log(LogLevel.ERR, "[dynacode] a listener of " + event + " failed: " + e.getMessage());
            }
        }
    }

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : List.of("bg_cache_hit", "bg_cache_miss", "bg_fetch_api_success",
                "bg_fetch_api_generic_error", "bg_fetch_api_status_code_error", "bg_compile_success",
                "bg_compile_error", "bg_updated_plugins", "bg_didnt_update_plugins", "rt_plugins_not_loaded",
                "rt_plugins_disabled", "rt_plugins_starting", "rt_plugins_done", "rt_plugins_error", "on_error",
                "rt_plugins_quarantined")) {
            m.put(name.toUpperCase(java.util.Locale.ROOT), name);
        }
        return Map.copyOf(m);
    }
}
