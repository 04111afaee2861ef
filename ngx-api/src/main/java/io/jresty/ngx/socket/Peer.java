package io.jresty.ngx.socket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a cosocket connects: a host and port, or a "unix:/path" socket. lua-nginx-module
 * needs a resolver directive for host names; jresty resolves them with the JDK instead.
 */
record Peer(String host, int port, boolean unix) {
    private static final String UNIX = "unix:";

    static boolean isUnix(String host) {
        return host.regionMatches(true, 0, UNIX, 0, UNIX.length());
    }

    static Peer unix(String host) {
        return new Peer(host, 0, true);
    }

    /** "host:port" or the "unix:/path" text, the name nginx gives the peer in its logs. */
    String name() {
        return unix ? host : host + ":" + port;
    }

    /** Resolves the name (blocking: call it with the lock released). */
    SocketAddress address() throws UnresolvedPeer {
        if (unix) {
            return UnixDomainSocketAddress.of(host.substring(UNIX.length()));
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UnresolvedPeer(host + " could not be resolved (3: Host not found)");
        }
    }

    /** A host name that does not resolve; the message is the error connect returns. */
    static final class UnresolvedPeer extends Exception {
        UnresolvedPeer(String message) {
            super(message, null, false, false);
        }
    }
}
