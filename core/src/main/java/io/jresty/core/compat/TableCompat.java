package io.jresty.core.compat;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The table functions Lua 5.1 and LuaJIT have and LuaJ 3.0 lacks (getn, maxn, foreach(i), new, clear, nkeys, move), and concat, sort, insert and remove as LuaJIT. */
final class TableCompat {
    private TableCompat() {}

    static void install(LuaValue table, LuaValue preload) {
        table.set("concat", new Builtin("concat", TableConcat::concat));
        table.set("sort", new Builtin("sort", TableSort::sort));
        table.set("insert", new Builtin("insert", TableEdit::insert));
        table.set("remove", new Builtin("remove", TableEdit::remove));
        table.set("move", new Builtin("move", TableMove::move));
        table.set("getn", new Builtin("getn", args -> LuaValue.valueOf(Builtin.table(args, 1, "getn").length())));
        table.set("maxn", new Builtin("maxn", TableCompat::maxn));
        table.set("foreach", new Builtin("foreach", TableCompat::foreach));
        table.set("foreachi", new Builtin("foreachi", TableCompat::foreachi));
        module(table, preload, "new", new Builtin("new", args -> new LuaTable(
                (int) Math.max(0, Builtin.number(args, 1, "new")), (int) Math.max(0, Builtin.number(args, 2, "new")))));
        module(table, preload, "clear", new Builtin("clear", TableCompat::clear));
        module(table, preload, "nkeys", new Builtin("nkeys", TableCompat::nkeys));
        // 5.2-only names that LuaJIT (without 5.2 compat) does not have
        table.set("pack", LuaValue.NIL);
        table.set("unpack", LuaValue.NIL);
    }

    /** LuaJIT ships these as require-able modules ("table.new") that also fill in the table library. */
    private static void module(LuaValue table, LuaValue preload, String name, LuaValue function) {
        table.set(name, function);
        preload.set("table." + name, new Builtin("table." + name, args -> function));
    }

    private static Varargs maxn(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "maxn");
        double max = 0;
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            if (k.type() == LuaValue.TNUMBER && k.todouble() > max) {
                max = k.todouble();
            }
        }
        return LuaValue.valueOf(max);
    }

    private static Varargs foreach(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "foreach");
        LuaValue f = Builtin.function(args, 2, "foreach");
        for (Varargs kv = t.next(LuaValue.NIL); !kv.arg1().isnil(); kv = t.next(kv.arg1())) {
            LuaValue r = f.call(kv.arg1(), kv.arg(2));
            if (!r.isnil()) {
                return r;
            }
        }
        return LuaValue.NONE;
    }

    private static Varargs foreachi(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "foreachi");
        LuaValue f = Builtin.function(args, 2, "foreachi");
        int n = t.length();
        for (int i = 1; i <= n; i++) {
            LuaValue r = f.call(LuaValue.valueOf(i), t.get(i));
            if (!r.isnil()) {
                return r;
            }
        }
        return LuaValue.NONE;
    }

    private static Varargs clear(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "clear");
        // collect first: setting keys to nil while iterating with next() is allowed, but removing them is not
        java.util.List<LuaValue> keys = new java.util.ArrayList<>();
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            keys.add(k);
        }
        for (LuaValue k : keys) {
            t.rawset(k, LuaValue.NIL);
        }
        return LuaValue.NONE;
    }

    private static Varargs nkeys(Varargs args) {
        LuaValue t = Builtin.table(args, 1, "nkeys");
        int n = 0;
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            n++;
        }
        return LuaValue.valueOf(n);
    }
}
