package io.jresty.ngx.var;

import io.jresty.ngx.api.OwnBytes;
import org.luaj.vm2.LuaString;

/**
 * The variable names Lua string keys of ngx.var stand for, remembered per key: decoding the key
 * on every read was a third of a read's cost, and the same String instance each time lets the
 * request's own lookups hit cached hashes. Shared by all workers: slots hold immutable entries,
 * so a racing reader sees a whole entry or an older one.
 */
final class VarNames {
    /** A key resolved: its text as written (for assignment) and the name it reads ("01" reads $1). */
    record Resolved(OwnBytes lua, String text, String readName) {}

    /** Direct-mapped by the key's hash; a collision only replaces the slot, so the cache stays bounded. */
    private static final int SLOTS = 512;
    /** Longer keys are resolved each time rather than kept. */
    private static final int LONGEST = 64;
    private static final Resolved[] CACHE = new Resolved[SLOTS];

    private VarNames() {}

    static Resolved resolve(LuaString lua) {
        int slot = lua.hashCode() & (SLOTS - 1);
        Resolved r = CACHE[slot];
        if (r != null && r.lua().matches(lua)) {
            return r;
        }
        String text = lua.tojstring();
        // a numeric string key reads the capture of that number, as a number key does
        String readName = lua.isnumber() ? String.valueOf(lua.toint()) : text;
        r = new Resolved(OwnBytes.of(lua), text, readName);
        if (lua.m_length > LONGEST) {
            return r;
        }
        CACHE[slot] = r;
        return r;
    }
}
