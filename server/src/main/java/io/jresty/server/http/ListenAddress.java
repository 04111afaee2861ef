package io.jresty.server.http;

/** A listen directive: address (null = all), port, and whether it is the default server there. */
public record ListenAddress(String host, int port, boolean defaultServer) {
    /** The socket this listen binds, for grouping servers. */
    public String socketKey() {
        return (host == null ? "*" : host) + ":" + port;
    }
}
