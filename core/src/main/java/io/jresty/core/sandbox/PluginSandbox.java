package io.jresty.core.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The environments plugins from a document run in, one worker's worth. Each plugin gets its own
 * globals table (kept across its calls and recompiles, as dynacode's globals are) whose reads
 * fall back to a safe base: the standard functions and read-only views of the shared libraries,
 * without os.execute/exit/remove/rename, io, debug, package, string.dump, bytecode loading,
 * setfenv/getfenv, and with require limited to an allow-list. Used under the worker's lock.
 */
public final class PluginSandbox {
    private static final List<String> BASE_FUNCTIONS = List.of("assert", "error", "ipairs", "next", "pairs",
            "pcall", "xpcall", "print", "select", "tonumber", "tostring", "type", "unpack", "rawequal", "rawget",
            "setmetatable", "_VERSION", "newproxy");
    private static final List<String> LIBRARIES = List.of("string", "table", "math", "coroutine", "bit", "ngx", "jit");
    private static final List<String> SAFE_OS = List.of("time", "clock", "date", "difftime");

    private final Globals globals;
    private final Set<String> requireAllowed;
    private final ReadOnlyView views = new ReadOnlyView(Set.of("var", "header", "ctx", "arg", "shared"), Set.of("status"));
    private final LuaTable base = new LuaTable();
    private final Map<String, LuaTable> envs = new HashMap<>();

    public PluginSandbox(Globals globals, Set<String> requireAllowed) {
        this.globals = globals;
        this.requireAllowed = Set.copyOf(requireAllowed);
        PluginLimits.install(globals);
        for (String name : BASE_FUNCTIONS) {
            base.set(name, globals.get(name));
        }
        for (String name : LIBRARIES) {
            LuaValue lib = globals.get(name);
            if (lib.istable()) {
                base.set(name, views.of(withoutDump(name, (LuaTable) lib), name));
            }
        }
        LuaTable os = new LuaTable();
        for (String name : SAFE_OS) {
            os.set(name, globals.get("os").get(name));
        }
        base.set("os", views.of(os, "os"));
        base.set("rawset", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (views.isView(args.arg1())) {
                    throw new LuaError("attempt to modify a shared library table in a sandboxed plugin");
                }
                return globals.get("rawset").invoke(args);
            }
        });
        base.set("getmetatable", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue v) {
                LuaValue meta = globals.get("getmetatable").call(v);
                // the string metatable is shared by every string of the worker: read-only here
                return v.isstring() && meta.istable() ? views.of((LuaTable) meta, "string metatable") : meta;
            }
        });
        base.set("collectgarbage", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                String opt = args.optjstring(1, "collect");
                if (!opt.equals("count")) {
                    throw new LuaError("collectgarbage('" + opt + "') is not allowed in a sandboxed plugin");
                }
                return globals.get("collectgarbage").invoke(args);
            }
        });
        base.set("require", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue name) {
                String module = name.checkjstring();
                if (!requireAllowed.contains(module)) {
                    throw new LuaError("module '" + module + "' is not allowed in a sandboxed plugin");
                }
                LuaValue m = globals.get("require").call(name);
                return m.istable() ? views.of((LuaTable) m, module) : m;
            }
        });
    }

    /** string without dump: a plugin cannot turn functions into bytecode. */
    private static LuaTable withoutDump(String name, LuaTable lib) {
        if (!name.equals("string")) {
            return lib;
        }
        LuaTable copy = new LuaTable();
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = lib.next(k);
            k = next.arg1();
            if (k.isnil()) {
                return copy;
            }
            if (!k.tojstring().equals("dump")) {
                copy.set(k, next.arg(2));
            }
        }
    }

    /** The globals of the plugin with this stable key (domain|name|phase), made on first use. */
    public LuaTable env(String pluginKey) {
        return envs.computeIfAbsent(pluginKey, k -> newEnv());
    }

    private LuaTable newEnv() {
        LuaTable env = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__index", base);
        meta.set("__metatable", LuaValue.FALSE);
        env.setmetatable(meta);
        env.rawset("_G", env);
        LuaValue load = textOnlyLoad(env);
        env.rawset("load", load);
        env.rawset("loadstring", load);
        return env;
    }

    /** load/loadstring of source text only, running in the plugin's own environment. */
    private LuaValue textOnlyLoad(LuaTable env) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue chunk = args.arg1();
                if (!chunk.isstring()) {
                    return varargsOf(NIL, valueOf("only source text can be loaded in a sandboxed plugin"));
                }
                if (chunk.checkstring().length() > 0 && chunk.checkstring().luaByte(0) == 0x1b) {
                    return varargsOf(NIL, valueOf("attempt to load a binary chunk in a sandboxed plugin"));
                }
                String name = args.optjstring(2, chunk.tojstring());
                return globals.get("load").invoke(varargsOf(new LuaValue[] {chunk, valueOf(name), valueOf("t"), env}));
            }
        };
    }
}
