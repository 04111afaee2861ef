package io.jresty.ngx.balancer;

import io.jresty.ngx.request.NgxRequest;

/**
 * What balancer_by_lua decided for the current try of a request (peer, extra tries, timeouts)
 * and what the proxy reports back (the last failure). Kept in the request's attributes; used
 * by the request's own thread only.
 */
public final class BalancerState {
    private String host;
    private int port;
    private int moreTries;
    private int triesLimit;
    private long connectTimeout = -1;
    private long sendTimeout = -1;
    private long readTimeout = -1;
    private String lastFailure;
    private int lastStatus;

    /** The state of r, made on first use. */
    public static BalancerState of(NgxRequest r) {
        return (BalancerState) r.attributes().computeIfAbsent(BalancerState.class, k -> new BalancerState());
    }

    /** Called by the proxy before each run of balancer_by_lua: the peer is chosen again per try. */
    public void beforeTry(int triesLimit) {
        this.host = null;
        this.port = 0;
        this.moreTries = 0;
        this.triesLimit = triesLimit;
    }

    /** The proxy reports how the previous try ended: "failed" or "next", with the upstream status if any. */
    public void failure(String state, int status) {
        this.lastFailure = state;
        this.lastStatus = status;
    }

    void peer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Returns true when the tries were reduced to proxy_next_upstream_tries. */
    boolean moreTries(int n) {
        if (triesLimit > 0 && n + 1 > triesLimit) {
            moreTries = triesLimit - 1;
            return true;
        }
        moreTries = n;
        return false;
    }

    void timeouts(long connect, long send, long read) {
        connectTimeout = connect;
        sendTimeout = send;
        readTimeout = read;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int moreTries() {
        return moreTries;
    }

    /** Timeouts in ms set by set_timeouts, -1 when not set. */
    public long connectTimeout() {
        return connectTimeout;
    }

    public long sendTimeout() {
        return sendTimeout;
    }

    public long readTimeout() {
        return readTimeout;
    }

    String lastFailure() {
        return lastFailure;
    }

    int lastStatus() {
        return lastStatus;
    }
}
