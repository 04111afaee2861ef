package io.jresty.ngx.shdict;

/** One lua_shared_dict zone: a bounded key/value store shared by every worker. */
public final class SharedDictZone {
    private final String name;
    private final long capacityBytes;

    public SharedDictZone(String name, long capacityBytes, java.time.Clock clock) {
        this.name = name;
        this.capacityBytes = capacityBytes;
    }

    public String name() {
        return name;
    }

    public long capacity() {
        return capacityBytes;
    }
}
