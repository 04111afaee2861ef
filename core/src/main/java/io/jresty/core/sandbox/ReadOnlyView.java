package io.jresty.core.sandbox;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A read-only view of a shared table (ngx, string, table, math...): sandboxed code reads
 * through it but cannot replace what other plugins and the server rely on. Nested tables are
 * viewed the same way, except the ones named as pass-through (ngx.var, ngx.header, ngx.ctx:
 * their writes are per request by design); the fields named writable (ngx.status) go through.
 * Views are made once per table and worker; a view's metatable is locked against getmetatable.
 */
final class ReadOnlyView {
    private final Map<LuaTable, LuaTable> views = new IdentityHashMap<>();
    private final Set<String> passThrough;
    private final Set<String> writable;

    ReadOnlyView(Set<String> passThrough, Set<String> writable) {
        this.passThrough = passThrough;
        this.writable = writable;
    }

    /** Whether t is one of the views (rawset on a view would change it for every plugin). */
    boolean isView(LuaValue t) {
        return viewSet.containsKey(t);
    }

    private final Map<LuaValue, Boolean> viewSet = new IdentityHashMap<>();

    LuaTable of(LuaTable target, String label) {
        LuaTable existing = views.get(target);
        if (existing != null) {
            return existing;
        }
        LuaTable view = new LuaTable();
        views.put(target, view);
        viewSet.put(view, Boolean.TRUE);
        LuaTable meta = new LuaTable();
        meta.set("__index", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key) {
                LuaValue v = target.get(key);
                if (v.istable() && !(key.isstring() && passThrough.contains(key.tojstring()))) {
                    return of((LuaTable) v, label + "." + key.tojstring());
                }
                return v;
            }
        });
        meta.set("__newindex", new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
                if (key.isstring() && writable.contains(key.tojstring())) {
                    target.set(key, value);
                    return NONE;
                }
                throw new LuaError("attempt to modify read-only table " + label + " (field '" + key.tojstring()
                        + "') in a sandboxed plugin");
            }
        });
        meta.set("__pairs", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return varargsOf(new NextOf(target), target, NIL);
            }
        });
        meta.set("__len", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue ignored) {
                return valueOf(target.length());
            }
        });
        meta.set("__metatable", LuaValue.FALSE);
        view.setmetatable(meta);
        return view;
    }

    /** next() over the real table, for pairs on a view. */
    private static final class NextOf extends VarArgFunction {
        private final LuaTable target;

        NextOf(LuaTable target) {
            this.target = target;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return target.next(args.arg(2));
        }
    }
}
