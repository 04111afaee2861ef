package io.jresty.server.http;

import io.jresty.ngx.phase.Phase;
import io.jresty.server.lua.LuaChunk;
import java.util.EnumMap;
import java.util.Map;

/** The *_by_lua handler of each phase at one conf level; an inner level overrides an outer one per phase. */
public final class LuaHandlers {
    private final EnumMap<Phase, LuaChunk> byPhase;

    private LuaHandlers(EnumMap<Phase, LuaChunk> byPhase) {
        this.byPhase = byPhase;
    }

    public static LuaHandlers none() {
        return new LuaHandlers(new EnumMap<>(Phase.class));
    }

    public LuaChunk get(Phase phase) {
        return byPhase.get(phase);
    }

    public LuaHandlers with(Phase phase, LuaChunk chunk) {
        EnumMap<Phase, LuaChunk> copy = new EnumMap<>(byPhase);
        copy.put(phase, chunk);
        return new LuaHandlers(copy);
    }

    public Map<Phase, LuaChunk> all() {
        return Map.copyOf(byPhase);
    }
}
