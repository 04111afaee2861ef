package io.jresty.ngx.re;

import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.LuaString;

/**
 * One worker's compiled patterns. Those compiled with the {@code o} option stay until the
 * worker ends, up to lua_regex_cache_max_entries (1024 by default), after which new ones are
 * compiled on every call, as in nginx. Others go through a small LRU that only saves work.
 * Thread-safe (a worker's Lua moves between threads), though only its worker uses it.
 */
final class RegexCache {
    static final int DEFAULT_MAX_ENTRIES = 1024;
    private static final int RECENT = 64;

    /** Lua strings hash once and compare by content, so they key the cache without copies. */
    private record Key(LuaString regex, LuaString options) {}

    private final int maxEntries;
    private final Map<Key, CompiledRegex> once = new LinkedHashMap<>();
    private final Map<Key, CompiledRegex> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompiledRegex> eldest) {
            return size() > RECENT;
        }
    };

    RegexCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The compiled pattern; the option letters are parsed (and checked) only when it is not cached. */
    synchronized CompiledRegex compile(LuaString regex, LuaString letters) throws RegexSyntaxError {
        Key key = new Key(regex, letters);
        CompiledRegex found = once.get(key);
        if (found == null) {
            found = recent.get(key);
        }
        if (found != null) {
            return found;
        }
        RegexOptions options = RegexOptions.parse(letters.tojstring());
        Map<Key, CompiledRegex> cache = options.compileOnce() ? once : recent;
        byte[] bytes = new byte[regex.m_length];
        regex.copyInto(0, bytes, 0, bytes.length);
        CompiledRegex compiled = CompiledRegex.compile(bytes, options);
        if (!options.compileOnce() || once.size() < maxEntries) {
            cache.put(key, compiled);
        }
        return compiled;
    }

    /** Whether any pattern was compiled with {@code o} (ngx.re.opt refuses changes then). */
    synchronized boolean holdsCompiled() {
        return !once.isEmpty();
    }

    synchronized int compiledOnce() {
        return once.size();
    }
}
