package io.jresty.ngx.shdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lua_shared_dict zones of a server, shared by all its workers. */
public final class SharedDicts {
    private final Map<String, SharedDictZone> zones;

    public SharedDicts(Map<String, SharedDictZone> zones) {
        this.zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
    }

    public static SharedDicts none() {
        return new SharedDicts(Map.of());
    }

    /** The zone of that name, or null. */
    public SharedDictZone zone(String name) {
        return zones.get(name);
    }

    public Map<String, SharedDictZone> zones() {
        return zones;
    }
}
