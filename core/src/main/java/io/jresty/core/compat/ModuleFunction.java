package io.jresty.core.compat;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.WeakHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's module(name, ...) and package.seeall. module() changes the environment of the
 * chunk that calls it. The loaders that package.searchers return are wrapped to remember which
 * chunk require is running (a require of our own calls {@link LuaCompat#runRequiredChunk}
 * instead); outside require, the calling function is found on the stack ({@link StackLevels}).
 */
final class ModuleFunction {
    // weak keys: a worker's state goes when the worker does (the stacks are empty between requires)
    private static final Map<Globals, Deque<LuaValue>> RUNNING = Collections.synchronizedMap(new WeakHashMap<>());

    private ModuleFunction() {}

    static void install(Globals g) {
        LuaValue pkg = g.get("package");
        Deque<LuaValue> running = running(g);
        LuaValue searchers = pkg.get("searchers");
        if (searchers.istable()) {
            for (int i = 1; i <= searchers.length(); i++) {
                searchers.set(i, wrapSearcher(searchers.get(i), running));
            }
            pkg.set("loaders", searchers);
        }
        pkg.set("seeall", new Builtin("seeall", args -> {
            seeall(Builtin.table(args, 1, "seeall"), g);
            return LuaValue.NONE;
        }));
        g.set("module", new Builtin("module", args -> module(g, running, args)));
    }

    private static LuaValue wrapSearcher(LuaValue searcher, Deque<LuaValue> running) {
        return new Builtin("searcher", args -> {
            Varargs found = searcher.invoke(args);
            LuaValue loader = found.arg1();
            if (!loader.isfunction()) {
                return found;
            }
            LuaValue tracked = new Builtin("loader", loaderArgs -> run(running, loader, loaderArgs));
            return LuaValue.varargsOf(tracked, found.subargs(2));
        });
    }

    /** Chunks that require is running in a state, innermost first; one worker thread uses a state at a time. */
    static Deque<LuaValue> running(Globals g) {
        return RUNNING.computeIfAbsent(g, k -> new ArrayDeque<>());
    }

    static Varargs run(Deque<LuaValue> running, LuaValue chunk, Varargs args) {
        running.push(chunk);
        try {
            return chunk.invoke(args);
        } finally {
            running.pop();
        }
    }

    private static Varargs module(Globals g, Deque<LuaValue> running, Varargs args) {
        String name = Builtin.string(args, 1, "module").tojstring();
        LuaValue loaded = g.get("package").get("loaded");
        LuaValue m = loaded.get(name);
        if (!m.istable()) {
            m = findTable(g, name);
            loaded.set(name, m);
        }
        if (m.get("_NAME").isnil()) {
            m.set("_M", m);
            m.set("_NAME", name);
            int dot = name.lastIndexOf('.');
            m.set("_PACKAGE", dot < 0 ? "" : name.substring(0, dot + 1));
        }
        LuaValue chunk = running.peek();
        if (chunk == null) {
            // not under require: the Lua function calling module(), found on the stack
            chunk = StackLevels.at(1, "module").function();
            if (chunk == null) {
                throw new LuaError("'module' not called from a Lua function");
            }
        }
        FunctionEnv.set(chunk, m, g);
        for (int i = 2; i <= args.narg(); i++) {
            args.arg(i).call(m);
        }
        return LuaValue.NONE;
    }

    /** The table at a dotted path from _G, created on the way, as luaL_findtable. */
    private static LuaValue findTable(Globals g, String name) {
        LuaValue t = g;
        for (String part : name.split("\\.")) {
            LuaValue next = t.rawget(part);
            if (next.isnil()) {
                next = new LuaTable();
                t.rawset(part, next);
            } else if (!next.istable()) {
                throw new LuaError("name conflict for module '" + name + "'");
            }
            t = next;
        }
        return t;
    }

    private static void seeall(LuaValue m, Globals g) {
        LuaValue meta = m.getmetatable();
        if (meta == null || meta.isnil()) {
            meta = new LuaTable();
            m.setmetatable(meta);
        }
        meta.set("__index", g);
    }
}
