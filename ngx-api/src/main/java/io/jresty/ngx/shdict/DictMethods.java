package io.jresty.ngx.shdict;

import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import io.jresty.ngx.shdict.SharedDictZone.Counted;
import io.jresty.ngx.shdict.SharedDictZone.Lookup;
import io.jresty.ngx.shdict.SharedDictZone.Popped;
import io.jresty.ngx.shdict.SharedDictZone.StoreMode;
import io.jresty.ngx.shdict.SharedDictZone.Stored;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The methods of a shared dict object, with lua-resty-core's argument checks, return
 * values and error strings. They run in every phase, init and timers included.
 */
final class DictMethods {
    private static final int DEFAULT_MAX_KEYS = 1024;

    private DictMethods() {}

    static void define(ApiTable api) {
        api.anywhere("get", Contexts.ANY, (ctx, a) -> get(a, false));
        api.anywhere("get_stale", Contexts.ANY, (ctx, a) -> get(a, true));
        api.anywhere("set", Contexts.ANY, (ctx, a) -> store(a, StoreMode.SET));
        api.anywhere("safe_set", Contexts.ANY, (ctx, a) -> store(a, StoreMode.SAFE_SET));
        api.anywhere("add", Contexts.ANY, (ctx, a) -> store(a, StoreMode.ADD));
        api.anywhere("safe_add", Contexts.ANY, (ctx, a) -> store(a, StoreMode.SAFE_ADD));
        api.anywhere("replace", Contexts.ANY, (ctx, a) -> store(a, StoreMode.REPLACE));
        api.anywhere("delete", Contexts.ANY, (ctx, a) -> store(LuaValue.varargsOf(a.arg1(), a.arg(2)), StoreMode.SET));
        api.anywhere("incr", Contexts.ANY, (ctx, a) -> incr(a));
        api.anywhere("lpush", Contexts.ANY, (ctx, a) -> push(a, true));
        api.anywhere("rpush", Contexts.ANY, (ctx, a) -> push(a, false));
        api.anywhere("lpop", Contexts.ANY, (ctx, a) -> pop(a, true));
        api.anywhere("rpop", Contexts.ANY, (ctx, a) -> pop(a, false));
        api.anywhere("llen", Contexts.ANY, DictMethods::llen);
        api.anywhere("ttl", Contexts.ANY, DictMethods::ttl);
        api.anywhere("expire", Contexts.ANY, DictMethods::expire);
        api.anywhere("flush_all", Contexts.ANY, (ctx, a) -> {
            zone(a).flushAll();
            return LuaValue.NONE;
        });
        api.anywhere("flush_expired", Contexts.ANY, (ctx, a) ->
                LuaValue.valueOf(zone(a).flushExpired(intArg(a, 2, "flush_expired", 0))));
        api.anywhere("get_keys", Contexts.ANY, DictMethods::keys);
        api.anywhere("capacity", Contexts.ANY, (ctx, a) -> LuaValue.valueOf((double) zone(a).capacity()));
        api.anywhere("free_space", Contexts.ANY, (ctx, a) -> LuaValue.valueOf((double) zone(a).freeSpace()));
    }

    private static SharedDictZone zone(Varargs a) {
        if (a.arg1() instanceof NgxShared.DictObject dict) {
            return dict.zone;
        }
        throw new LuaError("bad \"zone\" argument");
    }

    private static Varargs fail(String error) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(error));
    }

    private static Varargs get(Varargs a, boolean stale) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        Lookup found = zone.get((DictKey) key, stale);
        if (found.error() != null) {
            return fail(found.error());
        }
        if (found.value() == null) {
            return LuaValue.NIL;
        }
        LuaValue flags = found.flags() == 0 ? LuaValue.NIL : LuaValue.valueOf(found.flags());
        LuaValue value = DictValues.lua(found.value());
        if (stale) {
            return LuaValue.varargsOf(value, flags, LuaValue.valueOf(found.stale()));
        }
        return found.flags() == 0 ? value : LuaValue.varargsOf(value, flags);
    }

    private static Varargs store(Varargs a, StoreMode mode) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        LuaValue v = a.arg(3);
        Object value = DictValues.java(v);
        if (value == DictValues.BAD) {
            return fail("bad value type");
        }
        if (value == null && mode != StoreMode.SET && mode != StoreMode.SAFE_SET) {
            return result(false, "attempt to add or replace nil values", false);
        }
        long ttl = DictValues.millis(a.arg(4), "exptime");
        int flags = DictValues.flags(a.arg(5));
        Stored s = zone.store(mode, (DictKey) key, value, ttl, flags);
        return result(s.ok(), s.error(), s.forcible());
    }

    private static Varargs result(boolean ok, String error, boolean forcible) {
        return LuaValue.varargsOf(LuaValue.valueOf(ok), error == null ? LuaValue.NIL : LuaValue.valueOf(error),
                LuaValue.valueOf(forcible));
    }

    private static Varargs incr(Varargs a) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        LuaValue by = a.arg(3).tonumber();
        if (by.isnil()) {
            throw new LuaError("cannot convert 'nil' to 'double'");
        }
        LuaValue init = a.arg(4);
        LuaValue initTtl = a.arg(5);
        Double start = null;
        long ttl = 0;
        if (!init.isnil()) {
            if (init.tonumber().isnil()) {
                throw new LuaError("bad init arg: number expected, got " + init.typename());
            }
            start = init.todouble();
        }
        if (!initTtl.isnil()) {
            if (start == null) {
                throw new LuaError("must provide \"init\" when providing \"init_ttl\"");
            }
            if (initTtl.type() != LuaValue.TNUMBER) {
                throw new LuaError("bad init_ttl arg: number expected, got " + initTtl.typename());
            }
            ttl = DictValues.millis(initTtl, "init_ttl");
        }
        Counted c = zone.incr((DictKey) key, by.todouble(), start, ttl);
        if (c.error() != null) {
            return fail(c.error());
        }
        LuaValue value = LuaValue.valueOf(c.value());
        return start == null ? value : LuaValue.varargsOf(value, LuaValue.NIL, LuaValue.valueOf(c.forcible()));
    }

    private static Varargs push(Varargs a, boolean left) {
        if (a.narg() != 3) {
            throw new LuaError("expecting 3 arguments, but only seen " + a.narg());
        }
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        LuaValue v = a.arg(3);
        if (v.type() != LuaValue.TSTRING && v.type() != LuaValue.TNUMBER) {
            return fail("bad value type");
        }
        SharedDictZone.Pushed p = zone.push((DictKey) key, DictValues.java(v), left);
        return p.error() != null ? fail(p.error()) : LuaValue.valueOf((double) p.length());
    }

    private static Varargs pop(Varargs a, boolean left) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        Popped p = zone.pop((DictKey) key, left);
        if (p.error() != null) {
            return fail(p.error());
        }
        return p.value() == null ? LuaValue.NIL : DictValues.lua(p.value());
    }

    private static Varargs llen(io.jresty.ngx.NgxContext ctx, Varargs a) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        long n = zone.llen((DictKey) key);
        return n < 0 ? fail("value not a list") : LuaValue.valueOf((double) n);
    }

    private static Varargs ttl(io.jresty.ngx.NgxContext ctx, Varargs a) {
        SharedDictZone zone = zone(a);
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        Double ttl = zone.ttl((DictKey) key);
        return ttl == null ? fail("not found") : LuaValue.valueOf(ttl);
    }

    private static Varargs expire(io.jresty.ngx.NgxContext ctx, Varargs a) {
        SharedDictZone zone = zone(a);
        // expire takes any number (negative means no expiry) but insists on one
        LuaValue seconds = a.arg(3).tonumber();
        if (seconds.isnil()) {
            throw new LuaError("bad \"exptime\" argument");
        }
        Object key = DictValues.key(a.arg(2));
        if (key instanceof String error) {
            return fail(error);
        }
        long ttl = Math.max(0, (long) (seconds.todouble() * 1000));
        return zone.expire((DictKey) key, ttl) ? LuaValue.TRUE : fail("not found");
    }

    private static Varargs keys(io.jresty.ngx.NgxContext ctx, Varargs a) {
        SharedDictZone zone = zone(a);
        List<DictKey> keys = zone.keys(intArg(a, 2, "get_keys", DEFAULT_MAX_KEYS));
        LuaTable t = new LuaTable(keys.size(), 0);
        for (int i = 0; i < keys.size(); i++) {
            t.rawset(i + 1, LuaValue.valueOf(keys.get(i).bytes()));
        }
        return t;
    }

    private static int intArg(Varargs a, int n, String function, int absent) {
        LuaValue v = a.arg(n);
        if (v.isnil()) {
            return absent;
        }
        if (v.tonumber().isnil()) {
            throw new LuaError("bad argument #" + n + " to '" + function + "' (number expected, got "
                    + v.typename() + ")");
        }
        return v.toint();
    }
}
