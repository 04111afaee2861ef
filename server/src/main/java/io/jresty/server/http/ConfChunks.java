package io.jresty.server.http;

import io.jresty.server.lua.LuaChunk;
import java.util.ArrayList;
import java.util.List;

/** Every Lua chunk a conf holds, at every level, for checks such as -t's compile warnings. */
public final class ConfChunks {
    private ConfChunks() {}

    public static List<LuaChunk> all(HttpBlock http) {
        List<LuaChunk> out = new ArrayList<>();
        add(out, http.initByLua());
        add(out, http.initWorkerByLua());
        for (ServerBlock s : http.servers()) {
            out.addAll(s.settings().lua().all().values());
            steps(out, s.rewrites());
            locations(out, s.locations());
        }
        return out.stream().distinct().toList();
    }

    private static void locations(List<LuaChunk> out, List<LocationBlock> locations) {
        for (LocationBlock l : locations) {
            out.addAll(l.settings().lua().all().values());
            steps(out, l.rewrites());
            locations(out, l.nested());
        }
    }

    private static void steps(List<LuaChunk> out, List<RewriteStep> steps) {
        for (RewriteStep step : steps) {
            if (step instanceof RewriteStep.SetByLua set) {
                out.add(set.chunk());
            }
        }
    }

    private static void add(List<LuaChunk> out, LuaChunk chunk) {
        if (chunk != null) {
            out.add(chunk);
        }
    }
}
