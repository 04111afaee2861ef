package io.jresty.server.proxy;

/**
 * One {@code server} line of an upstream block (or one peer set at run time).
 *
 * @param failTimeout fail_timeout in ms
 * @param maxConns    max_conns: requests in progress at once (0 = no limit)
 */
public record UpstreamServer(String host, int port, int weight, int maxFails, long failTimeout, boolean backup,
        boolean down, int maxConns) {

    public UpstreamServer(String host, int port, int weight, int maxFails, long failTimeout, boolean backup,
            boolean down) {
        this(host, port, weight, maxFails, failTimeout, backup, down, 0);
    }

    public String address() {
        return host + ":" + port;
    }

    /** Whether max_conns leaves no room for another request now. */
    boolean full(int active) {
        return maxConns > 0 && active >= maxConns;
    }
}
