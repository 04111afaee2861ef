package io.jresty.core.compat;

import java.util.ArrayDeque;
import java.util.Deque;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.1's module(name, ...) and package.seeall. module() changes the environment of the
 * chunk that calls it; LuaJ has no call stack to find that chunk, so the loaders that
 * package.searchers return are wrapped to remember which chunk require is running. module()
 * outside a required file raises an error saying so.
 */
final class ModuleFunction {
    private ModuleFunction() {}

    static void install(Globals g) {
        LuaValue pkg = g.get("package");
        // chunks that require is running, innermost last; one worker thread uses a state at a time
        Deque<LuaValue> running = new ArrayDeque<>();
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
            LuaValue tracked = new Builtin("loader", loaderArgs -> {
                running.push(loader);
                try {
                    return loader.invoke(loaderArgs);
                } finally {
                    running.pop();
                }
            });
            return LuaValue.varargsOf(tracked, found.subargs(2));
        });
    }

    private static Varargs module(Globals g, Deque<LuaValue> running, Varargs args) {
        String name = args.checkjstring(1);
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
            throw new LuaError("module '" + name + "': jresty can only run module() in a file loaded by require");
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
