package io.jresty.ngx.header;

import io.jresty.ngx.api.OwnBytes;
import java.util.List;
import org.luaj.vm2.LuaString;

/**
 * The Java text of short Lua strings written as header values, remembered per string: handlers
 * set the same few values ("*", "no-cache", a content type) on every request, and decoding
 * them each time cost as much as the rest of the write. Bounded and shared like {@link HeaderKeys}.
 */
final class HeaderValues {
    /** single: the one-value list a header set to this string holds (immutable, so it can be shared). */
    private record Decoded(OwnBytes lua, List<String> single) {}

    private static final int SLOTS = 512;
    private static final int LONGEST = 64;
    private static final Decoded[] CACHE = new Decoded[SLOTS];

    private HeaderValues() {}

    /** The header values of setting a header to lua: a list of its text alone. */
    static List<String> single(LuaString lua) {
        if (lua.m_length > LONGEST) {
            return List.of(lua.tojstring());
        }
        int slot = lua.hashCode() & (SLOTS - 1);
        Decoded d = CACHE[slot];
        if (d != null && d.lua().matches(lua)) {
            return d.single();
        }
        List<String> single = List.of(lua.tojstring());
        CACHE[slot] = new Decoded(OwnBytes.of(lua), single);
        return single;
    }
}
