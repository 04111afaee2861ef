package io.jresty.ngx.var;

import org.luaj.vm2.LuaString;

/**
 * The Lua strings of short variable values, remembered per value: $host, $remote_addr and the
 * like read the same text on every request, and encoding it anew each read cost as much as the
 * lookup. Bounded and shared like {@link VarNames}.
 */
final class VarValues {
    private record Encoded(String text, LuaString lua) {}

    private static final int SLOTS = 512;
    private static final int LONGEST = 64;
    private static final Encoded[] CACHE = new Encoded[SLOTS];

    private VarValues() {}

    static LuaString lua(String text) {
        if (text.length() > LONGEST) {
            return LuaString.valueOf(text);
        }
        int slot = text.hashCode() & (SLOTS - 1);
        Encoded e = CACHE[slot];
        if (e != null && (e.text() == text || e.text().equals(text))) {
            return e.lua();
        }
        LuaString lua = LuaString.valueOf(text);
        CACHE[slot] = new Encoded(text, lua);
        return lua;
    }
}
