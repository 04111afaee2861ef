package io.jresty.ngx.re;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One worker's compiled patterns. Those compiled with the {@code o} option stay until the
 * worker ends, up to lua_regex_cache_max_entries (1024 by default), after which new ones are
 * compiled on every call, as in nginx. Others go through a small LRU that only saves work.
 * Thread-safe (a worker's Lua moves between threads), though only its worker uses it.
 */
final class RegexCache {
    static final int DEFAULT_MAX_ENTRIES = 1024;
    private static final int RECENT = 64;

    private record Key(byte[] regex, String options) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(regex, k.regex) && options.equals(k.options);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(regex) * 31 + options.hashCode();
        }
    }

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

    synchronized CompiledRegex compile(byte[] regex, RegexOptions options) throws RegexSyntaxError {
        Key key = new Key(regex, options.letters());
        Map<Key, CompiledRegex> cache = options.compileOnce() ? once : recent;
        CompiledRegex found = cache.get(key);
        if (found != null) {
            return found;
        }
        CompiledRegex compiled = CompiledRegex.compile(regex, options);
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
