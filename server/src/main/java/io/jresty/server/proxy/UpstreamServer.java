package io.jresty.server.proxy;

/**
 * One {@code server} line of an upstream block (or one peer set at run time).
 *
 * @param failTimeout fail_timeout in ms
 */
public record UpstreamServer(String host, int port, int weight, int maxFails, long failTimeout, boolean backup,
        boolean down) {

    public String address() {
        return host + ":" + port;
    }
}
