package io.jresty.server.proxy;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.http.Sizes;
import io.jresty.server.http.Template;
import io.jresty.server.lua.LuaChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the upstream blocks of the http level. */
public final class UpstreamDirectives {
    /** Compiles balancer_by_lua_block / balancer_by_lua_file (the http package owns Lua chunk reading). */
    @FunctionalInterface
    public interface ChunkReader {
        LuaChunk read(ConfDirective d) throws ConfException;
    }

    private UpstreamDirectives() {}

    public static Map<String, UpstreamBlock> read(List<ConfDirective> http, ChunkReader lua) throws ConfException {
        Map<String, UpstreamBlock> out = new LinkedHashMap<>();
        for (ConfDirective d : http) {
            if (d.name().equals("upstream")) {
                if (out.containsKey(d.arg(0))) {
                    throw new ConfException("duplicate upstream \"" + d.arg(0) + "\" " + d.where());
                }
                out.put(d.arg(0), upstream(d, lua));
            }
        }
        return Map.copyOf(out);
    }

    private static UpstreamBlock upstream(ConfDirective u, ChunkReader lua) throws ConfException {
        List<UpstreamServer> servers = new ArrayList<>();
        int keepalive = 0;
        Template hash = null;
        boolean consistent = false;
        boolean leastConn = false;
        LuaChunk balancer = null;
        long keepaliveTimeout = 60_000;
        int keepaliveRequests = 1000;
        for (ConfDirective d : u.block()) {
            switch (d.name()) {
                case "server" -> servers.add(server(d));
                case "keepalive" -> keepalive = (int) positive(d, d.arg(0));
                case "hash" -> {
                    hash = Template.parse(d.arg(0));
                    consistent = d.args().size() > 1 && d.arg(1).equals("consistent");
                }
                case "least_conn" -> leastConn = true;
                case "keepalive_timeout" -> keepaliveTimeout = Sizes.millis(d.arg(0));
                case "keepalive_requests" -> keepaliveRequests = (int) positive(d, d.arg(0));
                case "balancer_by_lua_block", "balancer_by_lua_file" -> balancer = lua.read(d);
                default -> { }
            }
        }
        if (servers.isEmpty()) {
            throw new ConfException("no servers are inside upstream " + u.where());
        }
        return new UpstreamBlock(u.arg(0), List.copyOf(servers), keepalive, hash, consistent, leastConn, balancer,
                keepaliveTimeout, keepaliveRequests);
    }

    private static UpstreamServer server(ConfDirective d) throws ConfException {
        String address = d.arg(0);
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 80 : (int) positive(d, address.substring(colon + 1));
        int weight = 1;
        int maxFails = 1;
        long failTimeout = 10_000;
        boolean backup = false;
        boolean down = false;
        int maxConns = 0;
        for (String a : d.args().subList(1, d.args().size())) {
            if (a.startsWith("weight=")) {
                weight = (int) positive(d, a.substring(7));
            } else if (a.startsWith("max_fails=")) {
                maxFails = (int) number(d, a.substring(10));
            } else if (a.startsWith("fail_timeout=")) {
                failTimeout = Sizes.millis(a.substring(13));
                if (failTimeout < 0) {
                    throw new ConfException("invalid parameter \"" + a + "\" " + d.where());
                }
            } else if (a.startsWith("max_conns=")) {
                maxConns = (int) number(d, a.substring(10));
            } else if (a.equals("backup")) {
                backup = true;
            } else if (a.equals("down")) {
                down = true;
            } else {
                throw new ConfException("invalid parameter \"" + a + "\" " + d.where());
            }
        }
        return new UpstreamServer(host, port, weight, maxFails, failTimeout, backup, down, maxConns);
    }

    private static long positive(ConfDirective d, String text) throws ConfException {
        long n = number(d, text);
        if (n <= 0) {
            throw new ConfException("invalid value \"" + text + "\" " + d.where());
        }
        return n;
    }

    private static long number(ConfDirective d, String text) throws ConfException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfException("invalid value \"" + text + "\" " + d.where());
        }
    }
}
