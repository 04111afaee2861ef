package io.jresty.server.location;

import io.jresty.server.http.ServerBlock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks the server block for a request on one listening socket, as nginx does: exact name,
 * longest leading wildcard, longest trailing wildcard, first matching regex, else the
 * default server of that socket.
 */
public final class ServerSelector {
    private final List<ServerBlock> servers;
    private final ServerBlock defaultServer;

    public ServerSelector(List<ServerBlock> servers, ServerBlock defaultServer) {
        this.servers = List.copyOf(servers);
        this.defaultServer = defaultServer;
    }

    public ServerBlock defaultServer() {
        return defaultServer;
    }

    public ServerBlock select(String host) {
        if (host == null || host.isEmpty()) {
            return defaultServer;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        for (ServerBlock s : servers) {
            for (String name : s.names()) {
                if (name.equals(h) || (name.startsWith(".") && name.substring(1).equals(h))) {
                    return s;
                }
            }
        }
        ServerBlock best = null;
        int bestLength = -1;
        for (ServerBlock s : servers) {
            for (String name : s.names()) {
                String suffix = name.startsWith("*.") ? name.substring(1) : name.startsWith(".") ? name : null;
                if (suffix != null && h.endsWith(suffix) && suffix.length() > bestLength) {
                    best = s;
                    bestLength = suffix.length();
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (ServerBlock s : servers) {
            for (String name : s.names()) {
                if (name.endsWith(".*") && h.startsWith(name.substring(0, name.length() - 1))
                        && name.length() > bestLength) {
                    best = s;
                    bestLength = name.length();
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (ServerBlock s : servers) {
            for (Pattern p : s.nameRegexes()) {
                if (p.matcher(h).find()) {
                    return s;
                }
            }
        }
        return defaultServer;
    }
}
