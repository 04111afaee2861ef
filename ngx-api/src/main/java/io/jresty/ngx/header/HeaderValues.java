package io.jresty.ngx.header;

import org.luaj.vm2.LuaString;

/**
 * The Java text of short Lua strings written as header values, remembered per string: handlers
 * set the same few values ("*", "no-cache", a content type) on every request, and decoding
 * them each time cost as much as the rest of the write. Bounded and shared like {@link HeaderKeys}.
 */
final class HeaderValues {
    private record Decoded(LuaString lua, String text) {}

    private static final int SLOTS = 512;
    private static final int LONGEST = 64;
    private static final Decoded[] CACHE = new Decoded[SLOTS];

    private HeaderValues() {}

    static String text(LuaString lua) {
        if (lua.m_length > LONGEST) {
            return lua.tojstring();
        }
        int slot = lua.hashCode() & (SLOTS - 1);
        Decoded d = CACHE[slot];
        if (d != null && (d.lua() == lua || d.lua().raweq(lua))) {
            return d.text();
        }
        String text = lua.tojstring();
        CACHE[slot] = new Decoded(LuaString.valueUsing(lua.m_bytes.length == lua.m_length ? lua.m_bytes
                : java.util.Arrays.copyOfRange(lua.m_bytes, lua.m_offset, lua.m_offset + lua.m_length)), text);
        return text;
    }
}
