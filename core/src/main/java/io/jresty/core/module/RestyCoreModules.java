package io.jresty.core.module;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * "resty.core" and "resty.core.base": in OpenResty they rebind ngx.* to FFI implementations;
 * jresty's ngx.* is Java already, so requiring them only has to succeed and give the few
 * helpers libraries take from base (new_tab, clear_tab, the FFI status codes).
 */
final class RestyCoreModules {
    private static final String VERSION = "0.1.28";
    /** lua-resty-core 0.1.x's lib/resty/core/*.lua besides base and utils. */
    private static final String[] INTERNAL = {"base64", "coroutine", "ctx", "exit", "hash", "misc", "ndk",
            "param", "phase", "regex", "request", "response", "shdict", "socket", "time", "uri", "var", "worker"};

    private RestyCoreModules() {}

    static void preload(Globals g) {
        LuaModules.preload(g, "resty.core.base", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return base(g);
            }
        });
        LuaTable core = new LuaTable();
        core.set("version", VERSION);
        LuaModules.preload(g, "resty.core", LuaModules.constant("resty.core", core));
        // each of these installs FFI versions of ngx.* functions jresty already has in Java;
        // preloading them keeps Debian's FFI files (which need nginx's C symbols) from loading
        for (String part : INTERNAL) {
            LuaTable m = new LuaTable();
            m.set("version", VERSION);
            LuaModules.preload(g, "resty.core." + part, LuaModules.constant("resty.core." + part, m));
        }
        LuaTable utils = new LuaTable();
        utils.set("version", VERSION);
        utils.set("str_replace_char", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return replaceChar(args.checkstring(1), args.checkstring(2), args.checkstring(3));
            }
        });
        LuaModules.preload(g, "resty.core.utils", LuaModules.constant("resty.core.utils", utils));
    }

    /** resty.core.utils.str_replace_char: every byte equal to find's first becomes replace's first. */
    private static LuaValue replaceChar(LuaString s, LuaString find, LuaString replace) {
        if (find.rawlen() == 0 || replace.rawlen() == 0) {
            return s;
        }
        byte from = (byte) find.luaByte(0);
        byte to = (byte) replace.luaByte(0);
        byte[] b = new byte[s.rawlen()];
        s.copyInto(0, b, 0, b.length);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == from) {
                b[i] = to;
            }
        }
        return LuaString.valueUsing(b);
    }

    private static LuaTable base(Globals g) {
        LuaTable base = new LuaTable();
        base.set("version", VERSION);
        base.set("FFI_OK", 0);
        base.set("FFI_ERROR", -1);
        base.set("FFI_AGAIN", -2);
        base.set("FFI_BUSY", -3);
        base.set("FFI_DONE", -4);
        base.set("FFI_DECLINED", -5);
        base.set("FFI_NO_REQ_CTX", -100);
        base.set("FFI_BAD_CONTEXT", -101);
        base.set("new_tab", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return new LuaTable(Math.max(0, args.optint(1, 0)), Math.max(0, args.optint(2, 0)));
            }
        });
        base.set("clear_tab", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaTable t = args.checktable(1);
                for (LuaValue k : t.keys()) {
                    t.rawset(k, LuaValue.NIL);
                }
                return NONE;
            }
        });
        base.set("allows_subsystem", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                for (int i = 1; i <= args.narg(); i++) {
                    if ("http".equals(args.arg(i).tojstring())) {
                        return TRUE;
                    }
                }
                return FALSE;
            }
        });
        return base;
    }
}
