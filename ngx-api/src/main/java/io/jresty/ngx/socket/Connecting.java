package io.jresty.ngx.socket;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * The blocking part of connect(): a pooled connection if the pool has one (waiting in the
 * pool's backlog if it is full), else resolve and connect. Runs with the lock released;
 * the log line, if any, is written by the caller once the lock is back.
 */
final class Connecting {
    private Connecting() {}

    /** The connection, or an error with the log line nginx writes for it (may be null). */
    record Outcome(TcpConnection connection, String error, String logLine) {
        static Outcome ok(TcpConnection c) {
            return new Outcome(c, null, null);
        }

        static Outcome failed(String error, String logLine) {
            return new Outcome(null, error, logLine);
        }
    }

    static Outcome connect(SocketPool pool, Peer peer, String key, long timeoutMs) {
        boolean counted = false;
        if (pool != null) {
            SocketPool.Admission admission;
            try {
                admission = pool.admit(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("closed", null);
            }
            if (admission.reused() != null) {
                return Outcome.ok(admission.reused());
            }
            if (admission.error() != null) {
                return Outcome.failed(admission.error(), admission.error().equals("timeout")
                        ? "lua tcp socket queued connect timed out, when trying to connect to " + peer.name() : null);
            }
            counted = admission.counted();
        }
        try {
            SocketAddress address = peer.address();
            try {
                TcpConnection c = TcpConnection.open(address, timeoutMs, key);
                if (counted) {
                    c.countedIn = pool;
                }
                return Outcome.ok(c);
            } catch (IOException e) {
                String error = SocketErrors.of(e);
                String log = error.equals("timeout")
                        ? "lua tcp socket connect timed out, when connecting to " + peer.name()
                        : "connect() to " + peer.name() + " failed (" + SocketErrors.errno(error) + ")";
                release(pool, counted);
                return Outcome.failed(error, log);
            }
        } catch (Peer.UnresolvedPeer e) {
            release(pool, counted);
            return Outcome.failed(e.getMessage(), null);
        }
    }

    private static void release(SocketPool pool, boolean counted) {
        if (counted) {
            pool.released();
        }
    }
}
