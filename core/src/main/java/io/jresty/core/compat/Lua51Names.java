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
        LuaValue coroutine = g.get("coroutine");
        LuaValue running = coroutine.get("running");
        // 5.1 answers nil on the main thread where 5.2 answers the main thread and true
        coroutine.set("running", new Builtin("running", args -> {
            Varargs r = running.invoke(args);
            return r.arg(2).toboolean() ? LuaValue.NIL : r.arg1();
        }));
        g.set("bit32", LuaValue.NIL);
        g.set("rawlen", LuaValue.NIL);
        g.get("package").get("loaded").set("bit32", LuaValue.NIL);
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
