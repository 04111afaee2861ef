package io.jresty.server.pipeline;

import io.jresty.core.worker.LuaWorker;
import io.jresty.ngx.phase.Phase;
import io.jresty.server.http.Settings;
import io.jresty.server.lua.LuaChunk;
import io.jresty.server.request.HttpRequestState;
import io.jresty.server.request.ResponseFilters;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** header_filter and body_filter: add_header, the default Content-Type, and the Lua filters. */
final class OutputFilters {
    private static final Set<Integer> ADD_HEADER_STATUSES = Set.of(200, 201, 204, 206, 301, 302, 303, 304, 307, 308);

    private final io.jresty.server.worker.WorkerPool pool;
    private final LuaRunner lua;
    private static final int NGX_ERROR = -1;

    OutputFilters(io.jresty.server.worker.WorkerPool pool, LuaRunner lua) {
        this.pool = pool;
        this.lua = lua;
    }

    /** The filters of requests served by this worker. */
    ResponseFilters bind(LuaWorker worker) {
        return new ResponseFilters() {
            @Override
            public void headerFilter(HttpRequestState r) {
                OutputFilters.this.headerFilter(worker, r);
            }

            @Override
            public byte[] bodyFilter(HttpRequestState r, byte[] chunk, boolean eof) {
                return OutputFilters.this.bodyFilter(worker, r, chunk, eof);
            }
        };
    }

    private void headerFilter(LuaWorker worker, HttpRequestState r) {
        Settings s = r.location().settings();
        if (r.responseHeaders().first("Content-Type") == null && r.status() != 304 && r.status() != 204) {
            r.responseHeaders().set("Content-Type", s.defaultType());
        }
        for (Settings.AddHeader h : s.addHeaders()) {
            if (h.always() || ADD_HEADER_STATUSES.contains(r.status())) {
                String value = h.value().expand(r::variable);
                if (!value.isEmpty()) {
                    r.responseHeaders().add(h.name(), value);
                }
            }
        }
        LuaChunk chunk = s.lua().get(Phase.HEADER_FILTER);
        if (chunk != null) {
            lua.run(worker, r, Phase.HEADER_FILTER, chunk);
        }
        int exit = r.headerFilterExitStatus();
        if (exit == NGX_ERROR || exit == 444) {
            r.closeConnection();
        } else if (exit != 0) {
            r.responseHeaders().remove("Content-Length");
            if (exit >= 300 && ErrorPages.hasPage(exit)) {
                r.responseHeaders().set("Content-Type", "text/html");
                r.exitPage(ErrorPages.page(exit));
            }
        }
    }

    private byte[] bodyFilter(LuaWorker worker, HttpRequestState r, byte[] chunk, boolean eof) {
        LuaChunk filter = r.location().settings().lua().get(Phase.BODY_FILTER);
        if (filter == null) {
            return chunk;
        }
        if (filter != null && r.responseHeaders().first("Content-Length") != null) {
            // a body filter may change the length: nginx drops the header then too
            r.responseHeaders().remove("Content-Length");
        }
        LuaTable args = new LuaTable();
        args.set(1, LuaString.valueUsing(chunk));
        args.set(2, LuaValue.valueOf(eof));
        LuaTable previous = r.filterArgs();
        r.filterArgs(args);
        try {
            lua.run(worker, r, Phase.BODY_FILTER, filter);
        } finally {
            r.filterArgs(previous);
        }
        if (args.get(2).toboolean() && !eof) {
            byte[] out = bytes(args.get(1));
            r.filterDone();
            return out;
        }
        return bytes(args.get(1));
    }

    private static byte[] bytes(LuaValue v) {
        if (v.isnil()) {
            return null;
        }
        if (v.istable()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 1; i <= v.length(); i++) {
                LuaString s = v.get(i).strvalue();
                out.write(s.m_bytes, s.m_offset, s.m_length);
            }
            return out.toByteArray();
        }
        if (v.isstring()) {
            LuaString s = v.strvalue();
            byte[] out = new byte[s.m_length];
            System.arraycopy(s.m_bytes, s.m_offset, out, 0, s.m_length);
            return out;
        }
        return null;
    }
}
