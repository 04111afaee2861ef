package io.jresty.ngx.socket;

import static io.jresty.ngx.socket.SocketArgs.CLOSED;
import static io.jresty.ngx.socket.SocketArgs.checkOwner;
import static io.jresty.ngx.socket.SocketArgs.fail;
import static io.jresty.ngx.socket.SocketArgs.self;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.phase.Contexts;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * tcpsock:sslhandshake(reused_session, server_name, ssl_verify) over the JDK's TLS.
 * As in lua-nginx-module, nothing is verified unless ssl_verify is true; then the chain
 * is checked (against lua_ssl_trusted_certificate's CAs, or the JDK's trust store without it)
 * and server_name, when given, against the certificate.
 */
final class TlsHandshake {
    private final NgxEnvironment env;

    TlsHandshake(NgxEnvironment env) {
        this.env = env;
    }

    void define(ApiTable api) {
        api.anywhere("sslhandshake", Contexts.YIELDABLE, this::handshake);
    }

    private Varargs handshake(NgxContext ctx, Varargs a) {
        TcpSocket s = self(a, "sslhandshake", TcpSocket.class);
        LuaValue reused = a.arg(2);
        String serverName = a.arg(3).isstring() ? a.arg(3).tojstring() : null;
        boolean verify = a.arg(4).toboolean();
        if (!s.connected()) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        TcpConnection c = s.connection;
        if (c.isTls()) {
            return success(reused, ((SSLSocket) c.socket()).getSession());
        }
        if (c.socket() == null) {
            return fail("handshake failed");
        }
        SocketDefaults defaults = SocketDefaults.of(ctx);
        long timeout = s.readTimeout(defaults);
        X509TrustManager trust = defaults.trust();
        TlsOutcome outcome;
        try {
            outcome = Waiting.release(ctx, () -> start(c, serverName, verify, trust, timeout));
        } catch (IOException e) {
            outcome = new TlsOutcome(null, "handshake failed", null);
        }
        if (outcome.error() != null) {
            if (outcome.logLine() != null) {
                SocketLog.error(env, ctx, outcome.logLine());
            }
            s.closeConnection();
            return fail(outcome.error());
        }
        return success(reused, outcome.session());
    }

    private record TlsOutcome(SSLSession session, String error, String logLine) {}

    private static TlsOutcome start(TcpConnection c, String serverName, boolean verify,
            X509TrustManager trust, long timeoutMs)
            throws IOException {
        String host = serverName != null ? serverName : c.socket().getInetAddress().getHostAddress();
        SSLSocket ssl = (SSLSocket) TlsTrust.trustAll().getSocketFactory()
                .createSocket(c.socket(), host, c.socket().getPort(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setServerNames(List.of());
        if (serverName != null) {
            try {
                params.setServerNames(List.of(new SNIHostName(serverName)));
            } catch (IllegalArgumentException e) {
                // an IP address or odd name: nginx sends it as it is, the JDK refuses; no SNI then
            }
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutMs)));
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            return new TlsOutcome(null, SocketErrors.of(e).equals("timeout") ? "timeout" : "handshake failed", null);
        }
        SSLSession session = ssl.getSession();
        if (verify) {
            String problem = TlsTrust.verify(session, serverName, trust);
            if (problem != null) {
                return new TlsOutcome(null, problem, problem.equals("certificate host mismatch")
                        ? "lua ssl certificate does not match host \"" + serverName + "\""
                        : "lua ssl certificate verify error: (" + problem + ")");
            }
        }
        c.upgrade(ssl);
        return new TlsOutcome(session, null, null);
    }

    /** The session as userdata, or true when the caller passed false for reused_session. */
    private static Varargs success(LuaValue reused, SSLSession session) {
        if (reused.isboolean() && !reused.toboolean()) {
            return LuaValue.TRUE;
        }
        return new LuaUserdata(session);
    }
}
