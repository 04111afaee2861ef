package io.jresty.ngx.api;

import java.util.Arrays;
import org.luaj.vm2.LuaString;

/**
 * The bytes of a Lua string as a cache key: a string cut from a larger buffer is copied, so a
 * cache entry never keeps that buffer alive; one that owns its whole buffer is also kept, so
 * the same string finds its entry by identity. The ngx.header and ngx.var name caches use it.
 */
public record OwnBytes(LuaString whole, byte[] bytes, int hash) {
    public static OwnBytes of(LuaString lua) {
        if (lua.m_offset == 0 && lua.m_bytes.length == lua.m_length) {
            return new OwnBytes(lua, lua.m_bytes, lua.hashCode());
        }
        byte[] copy = Arrays.copyOfRange(lua.m_bytes, lua.m_offset, lua.m_offset + lua.m_length);
        return new OwnBytes(null, copy, lua.hashCode());
    }

    public boolean matches(LuaString lua) {
        return lua == whole || (lua.hashCode() == hash && lua.m_length == bytes.length
                && LuaString.equals(bytes, 0, lua.m_bytes, lua.m_offset, bytes.length));
    }
}
