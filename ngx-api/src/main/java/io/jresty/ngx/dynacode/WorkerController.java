package io.jresty.ngx.dynacode;

import io.jresty.core.dynacode.Dynacode;
import io.jresty.core.dynacode.DynacodeEvent;
import io.jresty.core.dynacode.DynacodeSettings;
import io.jresty.core.dynacode.DynacodeSetup;
import io.jresty.core.dynacode.Plugin;
import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Twinned;
import io.jresty.core.sandbox.PluginSandbox;
import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.log.LogLevel;
import io.jresty.ngx.phase.Phase;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * resty.dynacode.controller as one worker sees it: setup, run, events, logger and status,
 * over the server-wide {@link DynacodeService}. Used under the worker's lock.
 */
final class WorkerController {
    private final NgxEnvironment env;
    private final Globals globals;
    private final DynacodeService service;
    private final ControllerEvents events;
    private final PluginTables plugins = new PluginTables();
    private final Map<Plugin, LuaFunction> bound = new IdentityHashMap<>();
    private final PhasePlugins runner = new PhasePlugins(this);
    private final LuaTable module = new Twinned.Table(this::twin);
    /** The module's functions by name, as made (the user may replace the module's entries). */
    private final Map<String, LuaValue> functions = new java.util.HashMap<>();
    private PluginSandbox sandbox;
    private boolean ready;
    private boolean registered;

    WorkerController(NgxEnvironment env, Globals globals) {
        this.env = env;
        this.globals = globals;
        this.service = env.service(DynacodeService.class, DynacodeService::new);
        this.events = new ControllerEvents(env.errorLog(), this::twin);
        module.set("events", events.table());
        function("setup", args -> setup(args.arg1()));
        function("run", args -> {
            run();
            return LuaValue.NONE;
        });
        function("logger", args -> {
            defaultLog(args.arg1().tojstring());
            return LuaValue.NONE;
        });
        function("poll", args -> pollNow());
        function("render_status", args -> {
            // a status location: content_by_lua_block { require("resty.dynacode.controller").render_status() }
            NgxContext ctx = NgxContext.current();
            Dynacode d = service.engine();
            if (ctx == null || ctx.request() == null) {
                throw new io.jresty.ngx.api.ApiError("render_status needs a request");
            }
            if (!ctx.request().headersSent()) {
                ctx.request().responseHeaders().set("Content-Type", "application/json");
            }
            String json = d == null ? "{\"document\":null}" : d.statusJson();
            ctx.request().write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return LuaValue.NONE;
        });
        function("status", args -> {
            Dynacode d = service.engine();
            return d == null ? LuaValue.NIL : LuaValue.valueOf(d.statusJson());
        });
    }

    private void function(String name, java.util.function.Function<Varargs, Varargs> body) {
        LuaValue f = new Twinned.Call(name, body, this::twin);
        functions.put(name, f);
        module.set(name, f);
    }

    /**
     * This controller as a worker forked from this one after init_by_lua has it: set up (or
     * not) the same way, with the same listeners, delivering events to that worker. One per copy.
     */
    private WorkerController twin(ForkCopy copy) {
        return copy.once(this, () -> {
            WorkerController twin = new WorkerController(env, copy.target());
            copy.counterpart(module, twin.module);
            functions.forEach((name, f) -> copy.counterpart(f, twin.functions.get(name)));
            events.forkInto(twin.events, copy);
            twin.ready = ready;
            NgxContext ctx = NgxContext.current();
            if (registered && ctx != null) {
                LuaWorker worker = ctx.worker();
                service.addWorker(event -> twin.deliver(worker, event));
                twin.registered = true;
            }
            return twin;
        });
    }

    LuaTable module() {
        return module;
    }

    DynacodeService service() {
        return service;
    }

    private Varargs setup(LuaValue opts) {
        if (!opts.istable()) {
            return fail("validation", "the options must be a table");
        }
        LuaValue shm = opts.get("shm");
        if (!shm.isstring()) {
            return fail("validation", "the property shm must be a string");
        }
        if (env.sharedDicts().zone(shm.tojstring()) == null) {
            return fail("validation", "the shm " + shm.tojstring()
                    + " is not a lua_shared_dict of this server (declare it with lua_shared_dict)");
        }
        DynacodeSettings settings;
        try {
            Map<String, Object> options = LuaOptionsTable.toMap((LuaTable) opts);
            settings = DynacodeSetup.read(options);
            service.safety(SafetySettings.read(options));
        } catch (IllegalArgumentException e) {
            return fail("validation", e.getMessage());
        }
        if (settings.persistPath() == null) {
            settings = settings.withPersistPath(env.prefix().resolve(Path.of("dynacode", shm.tojstring() + ".json")));
        }
        settings = settings.withErrorLog(line -> env.errorLog().log(LogLevel.ERR, line));
        service.engine(settings);
        NgxContext ctx = NgxContext.current();
        if (!registered && ctx != null) {
            LuaWorker worker = ctx.worker();
            service.addWorker(event -> deliver(worker, event));
            registered = true;
        }
        ready = true;
        return LuaValue.TRUE;
    }

    private Varargs fail(String section, String err) {
        emit("on_error", LuaValue.valueOf(section), LuaValue.valueOf(err));
        log(err);
        return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(err));
    }

    /** jresty's addition: fetch the document now (an operator's "refresh"); true when it installed one. */
    private LuaValue pollNow() {
        Dynacode d = service.engine();
        NgxContext ctx = NgxContext.current();
        if (d == null || ctx == null) {
            return LuaValue.FALSE;
        }
        try {
            // the poll tells every worker's listeners, this one's included: never wait for it holding a lock
            return LuaValue.valueOf(ctx.worker().releaseWhile(d::pollNow));
        } catch (Exception e) {
            return LuaValue.FALSE;
        }
    }

    private void run() {
        NgxContext ctx = NgxContext.current();
        if (ctx == null) {
            return;
        }
        if (!ready) {
            log("[NOT_READY] no plugins run: call setup first");
            return;
        }
        if (ctx.phase() == Phase.INIT_WORKER) {
            log("running the poller for worker pid=" + env.pid());
            service.start();
            return;
        }
        if (ctx.request() == null) {
            return;
        }
        runner.run(ctx);
    }

    /** An engine event, heard on the poller thread, told to this worker's Lua listeners. */
    private void deliver(LuaWorker worker, DynacodeEvent event) {
        worker.run(() -> {
            try (NgxContext.Scope s = NgxContext.enter(new NgxContext(worker, null, Phase.TIMER))) {
                switch (event) {
                    case DynacodeEvent.FetchGenericError e -> emit(e.name(), LuaValue.valueOf(e.err()));
                    case DynacodeEvent.FetchStatusCodeError e -> emit(e.name(), LuaValue.valueOf(e.status()));
                    case DynacodeEvent.CompileSuccess e -> emit(e.name(), plugins.of(e.plugin()));
                    case DynacodeEvent.CompileError e -> emit(e.name(), plugins.of(e.plugin()), LuaValue.valueOf(e.err()));
                    case DynacodeEvent.OnError e -> emit(e.name(), LuaValue.valueOf(e.section()), LuaValue.valueOf(e.err()));
                    default -> emit(event.name());
                }
            }
        });
    }

    LuaTable pluginTable(Plugin plugin) {
        return plugins.of(plugin);
    }

    /** The plugin as a function of this worker: in its own sandbox, or in _G with sandbox = false. */
    LuaFunction bind(LuaWorker worker, Plugin plugin) {
        return bound.computeIfAbsent(plugin, p -> {
            SafetySettings safety = service.safety();
            if (safety != null && !safety.sandbox()) {
                return p.bind(globals);
            }
            if (sandbox == null) {
                sandbox = new PluginSandbox(globals, safety == null ? java.util.Set.of() : safety.requireAllowed());
            }
            return p.bind(sandbox.env(p.key()), globals);
        });
    }

    void emit(String event, LuaValue... args) {
        events.emit(event, LuaValue.varargsOf(args));
    }

    /** dynacode's logger: the user may replace controller.logger; the default logs at ERR. */
    void log(String msg) {
        LuaValue logger = module.get("logger");
        if (logger.isfunction()) {
            logger.call(LuaValue.valueOf(msg));
        } else {
            defaultLog(msg);
        }
    }

    private void defaultLog(String msg) {
        NgxContext ctx = NgxContext.current();
        String phase = ctx == null ? "init" : ctx.phase().luaName();
        env.errorLog().log(LogLevel.ERR, ctx == null || ctx.request() == null ? 0 : ctx.request().connectionId(),
                "[dynacode phase=" + phase + "] " + msg, null);
    }
}
