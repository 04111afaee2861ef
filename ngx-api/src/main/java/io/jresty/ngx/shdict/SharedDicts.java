package io.jresty.ngx.shdict;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lua_shared_dict zones of a server, shared by all its workers. */
public final class SharedDicts {
    /** nginx refuses smaller zones ("invalid lua shared dict size"). */
    public static final long MIN_SIZE = 8192;

    private final Map<String, SharedDictZone> zones;

    public SharedDicts(Map<String, SharedDictZone> zones) {
        this.zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
    }

    public static SharedDicts none() {
        return new SharedDicts(Map.of());
    }

    /** One zone per lua_shared_dict directive, in conf order: name to size in bytes. */
    public static SharedDicts of(Map<String, Long> sizes, Clock clock) {
        Map<String, SharedDictZone> zones = new LinkedHashMap<>();
        sizes.forEach((name, size) -> zones.put(name, new SharedDictZone(name, size, clock)));
        return new SharedDicts(zones);
    }

    /**
     * The size argument of lua_shared_dict in bytes ("10m", "64k", "65536"), or -1 when nginx
     * would say {@code invalid lua shared dict size "..."}: not a size, or below 8k.
     */
    public static long parseSize(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        char unit = Character.toLowerCase(text.charAt(text.length() - 1));
        long scale = unit == 'k' ? 1024 : unit == 'm' ? 1024 * 1024 : 1;
        String digits = scale == 1 ? text : text.substring(0, text.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12) {
            return -1;
        }
        long size = Long.parseLong(digits) * scale;
        return size < MIN_SIZE ? -1 : size;
    }

    /** The zone of that name, or null. */
    public SharedDictZone zone(String name) {
        return zones.get(name);
    }

    public Map<String, SharedDictZone> zones() {
        return zones;
    }
}
