package io.jresty.core.module;

import io.jresty.core.lua.NamedFunction;
import io.jresty.core.fork.ForkCopy;
import io.jresty.core.fork.Forkable;
import java.time.Clock;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * resty.lrucache (and resty.lrucache.pureffi) in Java: OpenResty's Lua API over
 * {@link LruCache}, for servers without lua-resty-lrucache's files on the path (with them,
 * the original runs on the ffi subset and is found first).
 */
final class RestyLrucache {
    private static final String VERSION = "0.14";

    private RestyLrucache() {}

    /**
     * A cache object: a table, as the Lua original's is, holding its Java store. A worker
     * forked after init_by_lua filled one gets a cache of its own with the same items.
     */
    private static final class CacheTable extends LuaTable implements Forkable {
        final LruCache cache;

        CacheTable(LruCache cache, LuaTable mt) {
            this.cache = cache;
            setmetatable(mt);
        }

        @Override
        public LuaValue forkInto(ForkCopy copy) {
            // the copy then gives the new table this one's metatable and raw fields
            return new CacheTable(cache.copy(copy::of), null);
        }
    }


    /** One module table per loader, so the pureffi alias gives the same table. */
    static LuaValue loader(Clock clock) {
        LuaTable[] module = new LuaTable[1];
        return NamedFunction.of("resty.lrucache", args -> {
            if (module[0] == null) {
                module[0] = module(clock);
            }
            return module[0];
        });
    }

    private static LuaTable module(Clock clock) {
        LuaTable m = new LuaTable();
        LuaTable mt = new LuaTable();
        mt.set("__index", m);
        m.set("_VERSION", VERSION);
        m.set("new", NamedFunction.of("new", a -> {
            LuaValue size = a.arg1();
            if (!size.isnumber()) {
                throw new LuaError("attempt to compare " + typeName(size) + " with number");
            }
            if (size.todouble() < 1) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("size too small"));
            }
            return new CacheTable(new LruCache((int) Math.min(size.todouble(), Integer.MAX_VALUE), clock), mt);
        }));
        m.set("count", method("count", (c, a) -> LuaValue.valueOf(c.count())));
        m.set("capacity", method("capacity", (c, a) -> LuaValue.valueOf(c.capacity())));
        m.set("get", method("get", RestyLrucache::get));
        m.set("set", method("set", RestyLrucache::set));
        m.set("delete", method("delete", (c, a) -> LuaValue.valueOf(c.delete(a.arg(2)))));
        m.set("flush_all", method("flush_all", (c, a) -> {
            c.flushAll();
            return LuaValue.NONE;
        }));
        m.set("get_keys", method("get_keys", RestyLrucache::getKeys));
        return m;
    }

    private static Varargs get(LruCache c, Varargs a) {
        LruCache.Lookup hit = c.get(a.arg(2));
        if (hit == null) {
            return LuaValue.NIL;
        }
        return LuaValue.varargsOf(hit.value(), hit.stale(), LuaValue.valueOf((double) hit.flags()));
    }

    private static Varargs set(LruCache c, Varargs a) {
        LuaValue key = a.arg(2);
        if (key.isnil()) {
            throw new LuaError("table index is nil");
        }
        LuaValue ttl = a.arg(4);
        LuaValue flags = a.arg(5);
        long userFlags = flags.type() == LuaValue.TNUMBER && flags.todouble() >= 0
                ? ((long) flags.todouble()) & 0xffffffffL : 0;
        c.set(key, a.arg(3), ttl.toboolean() ? ttl.checkdouble() : null, userFlags);
        return LuaValue.NONE;
    }

    private static Varargs getKeys(LruCache c, Varargs a) {
        LuaValue max = a.arg(2);
        int maxCount = (max.isnil() || max.todouble() == 0) ? c.count() : max.checkint();
        LuaTable res = a.arg(3).isnil() ? new LuaTable(maxCount + 1, 0) : a.arg(3).checktable();
        List<LuaValue> keys = c.keys(maxCount);
        for (int i = 0; i < keys.size(); i++) {
            res.set(i + 1, keys.get(i));
        }
        res.set(keys.size() + 1, LuaValue.NIL);
        return res;
    }

    private interface MethodBody {
        Varargs call(LruCache cache, Varargs args);
    }

    private static LuaValue method(String name, MethodBody body) {
        return NamedFunction.of(name, a -> {
            if (!(a.arg1() instanceof CacheTable self)) {
                throw new LuaError("bad argument #1 to '" + name + "' (lrucache expected, got "
                        + typeName(a.arg1()) + "): call it as cache:" + name + "(...)");
            }
            return body.call(self.cache, a);
        });
    }

    private static String typeName(LuaValue v) {
        return v.typename();
    }

}
