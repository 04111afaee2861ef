package io.jresty.ngx.header;

import io.jresty.ngx.api.OwnBytes;
import java.util.Locale;
import org.luaj.vm2.LuaString;

/**
 * What ngx.header.KEY resolves a Lua key to, remembered per key: decoding the key and mapping
 * underscores to hyphens on every write was most of the cost of a header write. Shared by all
 * workers: slots hold immutable entries, so a racing reader sees a whole entry or an older one.
 */
final class HeaderKeys {
    /** A Lua key resolved: the header name as sent, its lower-case lookup key, whether it is Content-Type. */
    record Resolved(OwnBytes lua, boolean transform, String name, String key, boolean contentType) {}

    /** Direct-mapped by the key's hash; a collision only replaces the slot, so the cache stays bounded. */
    private static final int SLOTS = 512;
    /** Longer keys are resolved each time rather than kept (they are rare and would pin their bytes). */
    private static final int LONGEST = 64;
    private static final Resolved[] CACHE = new Resolved[SLOTS];

    private HeaderKeys() {}

    static Resolved resolve(LuaString lua, boolean transform) {
        int slot = (lua.hashCode() ^ (transform ? 0x9e3779b9 : 0)) & (SLOTS - 1);
        Resolved r = CACHE[slot];
        if (r != null && r.transform() == transform && r.lua().matches(lua)) {
            return r;
        }
        r = compute(lua, transform);
        if (lua.m_length <= LONGEST) {
            CACHE[slot] = r;
        }
        return r;
    }

    private static Resolved compute(LuaString lua, boolean transform) {
        String raw = lua.tojstring();
        String name = transform ? raw.replace('_', '-') : raw;
        String key = name.toLowerCase(Locale.ROOT);
        return new Resolved(OwnBytes.of(lua), transform, name, key, key.equals("content-type"));
    }
}
