package io.jresty.core.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The Lua 5.1 globals LuaJ 3.0 lacks, and the removal of the 5.2 names LuaJIT does not have. */
final class Lua51Names {
    private Lua51Names() {}

    static void install(Globals g) {
        LuaValue table = g.get("table");
        g.set("unpack", table.get("unpack"));
        g.set("gcinfo", new Builtin("gcinfo", args -> {
            Runtime rt = Runtime.getRuntime();
            return LuaValue.valueOf((int) ((rt.totalMemory() - rt.freeMemory()) / 1024));
        }));
        g.set("newproxy", new Builtin("newproxy", Lua51Names::newproxy));
        g.set("select", new Builtin("select", Lua51Names::select));
        g.set("bit32", LuaValue.NIL);
        g.set("rawlen", LuaValue.NIL);
        g.get("package").get("loaded").set("bit32", LuaValue.NIL);
    }

    /** select(n, ...) and select('#', ...), with LuaJIT's error for index 0 and past the start. */
    private static Varargs select(Varargs args) {
        int count = args.narg() - 1;
        LuaValue n = args.arg1();
        if (n.type() == LuaValue.TSTRING && n.tojstring().equals("#")) {
            return LuaValue.valueOf(count);
        }
        long i = (long) Builtin.number(args, 1, "select");
        if (i < 0) {
            i = count + i;
            if (i < 0) {
                throw Builtin.badArgument(1, "select", "index out of range");
            }
        } else if (i == 0) {
            throw Builtin.badArgument(1, "select", "index out of range");
        } else {
            i--;
            if (i >= count) {
                return LuaValue.NONE;
            }
        }
        return args.subargs((int) i + 2);
    }

    /** newproxy(false | true | proxy): a userdata, with a fresh or shared metatable. */
    private static Varargs newproxy(Varargs args) {
        LuaUserdata u = new LuaUserdata(new Object());
        LuaValue a = args.arg1();
        if (a.isboolean() && a.toboolean()) {
            u.setmetatable(new LuaTable());
        } else if (a.isuserdata()) {
            LuaValue meta = a.getmetatable();
            u.setmetatable(meta == null ? LuaValue.NIL : meta);
        } else if (!a.isnil() && !a.isboolean()) {
            throw Builtin.badArgument(1, "newproxy", "boolean or proxy expected");
        }
        return u;
    }
}
