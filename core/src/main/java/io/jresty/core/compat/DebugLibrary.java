package io.jresty.core.compat;

import java.util.List;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * LuaJIT's {@code debug} library for trusted code (the plugin sandbox leaves it out), working
 * for compiled and interpreted functions alike. What LuaJ cannot show: locals (getlocal gives
 * nothing), hooks (sethook is accepted and never calls its hook), another coroutine's stack
 * (getinfo on it gives nil, traceback only the message) and Java functions as stack levels.
 */
final class DebugLibrary {
    private DebugLibrary() {}

    static void install(Globals g) {
        LuaTable debug = new LuaTable();
        LuaTable registry = new LuaTable();
        debug.set("traceback", new Builtin("traceback", args -> traceback(g, args)));
        debug.set("getinfo", new Builtin("getinfo", args -> getinfo(g, args)));
        debug.set("getmetatable", new Builtin("getmetatable", args -> {
            LuaValue mt = args.checkvalue(1).getmetatable();
            return mt == null ? LuaValue.NIL : mt;
        }));
        debug.set("setmetatable", new Builtin("setmetatable", DebugLibrary::setmetatable));
        debug.set("getregistry", new Builtin("getregistry", args -> registry));
        debug.set("getupvalue", new Builtin("getupvalue",
                args -> DebugUpvalues.get(Builtin.function(args, 1, "getupvalue"), (int) Builtin.number(args, 2, "getupvalue"))));
        debug.set("setupvalue", new Builtin("setupvalue", args -> DebugUpvalues.set(Builtin.function(args, 1, "setupvalue"),
                (int) Builtin.number(args, 2, "setupvalue"), args.checkvalue(3))));
        debug.set("getlocal", new Builtin("getlocal", args -> LuaValue.NIL));
        debug.set("setlocal", new Builtin("setlocal", args -> LuaValue.NIL));
        debug.set("sethook", new Builtin("sethook", args -> LuaValue.NONE));
        debug.set("gethook", new Builtin("gethook",
                args -> LuaValue.varargsOf(LuaValue.NIL, LuaValue.EMPTYSTRING, LuaValue.ZERO)));
        debug.set("getfenv", new Builtin("getfenv", args -> {
            LuaValue o = args.checkvalue(1);
            return o.isfunction() ? g.get("getfenv").call(o) : LuaValue.NIL;
        }));
        debug.set("setfenv", new Builtin("setfenv", args -> {
            LuaValue o = args.checkvalue(1);
            g.get("setfenv").call(o, Builtin.table(args, 2, "setfenv"));
            return o;
        }));
        g.set("debug", debug);
        g.get("package").get("loaded").set("debug", debug);
    }

    /** debug.traceback([thread,] [message [, level]]). */
    private static Varargs traceback(Globals g, Varargs args) {
        int first = 1;
        boolean other = false;
        if (args.arg1().isthread()) {
            other = args.arg1() != g.running;
            first = 2;
        }
        LuaValue message = args.arg(first);
        if (args.narg() >= first && !message.isstring()) {
            return message;
        }
        int level = args.isnoneornil(first + 1) ? (other ? 0 : 1) : (int) Builtin.number(args, first + 1, "traceback");
        List<LuaStack.Frame> frames = other ? List.of() : LuaStack.frames(false);
        String trace = DebugInfo.traceback(frames, other ? 1 : level);
        return LuaValue.valueOf(message.isstring() ? message.tojstring() + "\n" + trace : trace);
    }

    /** debug.getinfo([thread,] f | level [, what]). */
    private static Varargs getinfo(Globals g, Varargs args) {
        int first = 1;
        boolean other = false;
        if (args.arg1().isthread()) {
            other = args.arg1() != g.running;
            first = 2;
        }
        LuaValue target = args.arg(first);
        String what = args.isnoneornil(first + 1) ? "flnSu" : Builtin.string(args, first + 1, "getinfo").tojstring();
        if (!what.matches("[SlnufL]*")) {
            throw Builtin.badArgument(first + 1, "getinfo", "invalid option");
        }
        if (target.isfunction()) {
            return DebugInfo.info(target, DebugInfo.prototype(target), null, what);
        }
        if (!target.isnumber()) {
            throw Builtin.badArgument(first, "getinfo", "function or level expected");
        }
        int level = target.toint();
        if (other || level < 0) {
            return LuaValue.NIL;
        }
        if (level == 0) {
            LuaTable info = DebugInfo.info(null, null, null, what);
            if (what.indexOf('n') >= 0) {
                info.set("name", "getinfo");
                info.set("namewhat", "field");
            }
            return info;
        }
        List<LuaStack.Frame> frames = LuaStack.frames(what.indexOf('f') >= 0);
        if (level > frames.size()) {
            return LuaValue.NIL;
        }
        LuaStack.Frame frame = frames.get(level - 1);
        return DebugInfo.info(frame.function(), frame.prototype(), frame, what);
    }

    /** debug.setmetatable(v, mt): tables only (LuaJ's metatables of other types are shared by every state). */
    private static Varargs setmetatable(Varargs args) {
        LuaValue v = args.arg1();
        LuaValue mt = args.arg(2);
        if (!mt.isnil() && !mt.istable()) {
            throw Builtin.badArgument(2, "setmetatable", "nil or table expected");
        }
        if (!v.istable()) {
            throw new org.luaj.vm2.LuaError("debug.setmetatable on a " + v.typename() + " is not supported by jresty");
        }
        v.setmetatable(mt.isnil() ? null : mt);
        return LuaValue.TRUE;
    }
}
