package io.jresty.ngx.socket;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * The error strings cosocket calls return: lua-nginx-module returns strerror() in lower
 * case ("connection refused") for system errors, and its own words for the rest.
 */
final class SocketErrors {
    private SocketErrors() {}

    static String of(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof ClosedChannelException) {
            return "closed";
        }
        if (e instanceof PortUnreachableException) {
            return "connection refused";
        }
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException || m.contains("connection refused")) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException || m.contains("no route to host")) {
            return "no route to host";
        }
        if (m.contains("network is unreachable")) {
            return "network is unreachable";
        }
        if (m.contains("connection reset")) {
            return "connection reset by peer";
        }
        if (m.contains("broken pipe")) {
            return "broken pipe";
        }
        if (m.contains("timed out")) {
            return "timeout";
        }
        if (m.contains("no such file")) {
            return "no such file or directory";
        }
        return m.isEmpty() ? "error" : m;
    }

    /** The errno text nginx puts in its "connect() failed (111: Connection refused)" log lines. */
    static String errno(String error) {
        return switch (error) {
            case "connection refused" -> "111: Connection refused";
            case "no route to host" -> "113: No route to host";
            case "network is unreachable" -> "101: Network is unreachable";
            case "connection reset by peer" -> "104: Connection reset by peer";
            case "no such file or directory" -> "2: No such file or directory";
            default -> error;
        };
    }
}
