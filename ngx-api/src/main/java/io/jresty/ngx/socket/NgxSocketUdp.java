package io.jresty.ngx.socket;

import static io.jresty.ngx.socket.SocketArgs.CLOSED;
import static io.jresty.ngx.socket.SocketArgs.checkOwner;
import static io.jresty.ngx.socket.SocketArgs.fail;
import static io.jresty.ngx.socket.SocketArgs.self;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * ngx.socket.udp: connected datagram sockets with setpeername, send, receive(size),
 * settimeout and close; waits release the worker's lock.
 */
public final class NgxSocketUdp implements NgxArea {
    /** lua-nginx-module's UDP_MAX_DATAGRAM_SIZE, also receive's default size. */
    private static final int MAX_DATAGRAM = 65536;

    private NgxEnvironment env;

    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        this.env = env;
        LuaTable methods = new LuaTable();
        ApiTable api = new ApiTable("ngx.socket.udp:", methods);
        api.anywhere("setpeername", Contexts.YIELDABLE, this::setpeername);
        api.anywhere("send", Contexts.ANY, this::send);
        api.anywhere("receive", Contexts.ANY, this::receive);
        api.anywhere("settimeout", Contexts.ANY, NgxSocketUdp::settimeout);
        api.anywhere("close", Contexts.ANY, NgxSocketUdp::close);
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, methods);
        new ApiTable("ngx.socket.", NgxSocketTcp.socketTable(ngx)).anywhere("udp", Contexts.YIELDABLE, (ctx, a) -> {
            if (a.narg() != 0) {
                throw new ApiError("expecting zero arguments, but got " + a.narg());
            }
            UdpSocket s = new UdpSocket();
            s.setmetatable(meta);
            return s;
        });
    }

    private Varargs setpeername(NgxContext ctx, Varargs a) {
        int n = a.narg();
        if (n != 2 && n != 3) {
            throw new ApiError("ngx.socket.udp setpeername: expecting 2 or 3 arguments (including the object), "
                    + "but seen " + n);
        }
        UdpSocket s = self(a, "setpeername", UdpSocket.class);
        String host = a.checkjstring(2);
        if (s.socket != null) {
            checkOwner(ctx, s.owner);
            if (s.busy) {
                return fail("socket busy");
            }
            s.closeSocket();
        }
        Peer peer;
        if (n == 3) {
            int port = (int) a.arg(3).todouble();
            if (port < 0 || port > 65535) {
                return fail("bad port number: " + port);
            }
            peer = new Peer(host, port, false);
        } else if (Peer.isUnix(host)) {
            return fail("failed to parse host name \"" + host + "\": unix datagram sockets are not supported");
        } else {
            peer = new Peer(host, 0, false);
        }
        try {
            s.socket = Waiting.release(ctx, () -> {
                SocketAddress address;
                try {
                    address = peer.address();
                } catch (Peer.UnresolvedPeer e) {
                    throw new IOException(e.getMessage());
                }
                DatagramSocket d = new DatagramSocket();
                d.connect(address);
                return d;
            });
        } catch (IOException e) {
            return fail(e.getMessage() != null && e.getMessage().contains("could not be resolved")
                    ? e.getMessage() : SocketErrors.of(e));
        }
        s.owner = TcpSocket.ownerOf(ctx);
        DatagramSocket opened = s.socket;
        RequestSockets.track(ctx, () -> {
            if (s.socket == opened) {
                s.closeSocket();
            }
        });
        return LuaValue.valueOf(1);
    }

    private Varargs send(NgxContext ctx, Varargs a) {
        if (a.narg() != 2) {
            throw new ApiError("expecting 2 arguments (including the object), but got " + a.narg());
        }
        UdpSocket s = self(a, "send", UdpSocket.class);
        if (s.socket == null) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        if (s.busy) {
            return fail("socket busy");
        }
        byte[] data = SendData.bytes("send", a.arg(2));
        DatagramSocket d = s.socket;
        try {
            Waiting.release(ctx, () -> {
                d.send(new DatagramPacket(data, data.length));
                return null;
            });
        } catch (IOException e) {
            return fail(SocketErrors.of(e));
        }
        return LuaValue.valueOf(1);
    }

    private Varargs receive(NgxContext ctx, Varargs a) {
        if (a.narg() != 1 && a.narg() != 2) {
            throw new ApiError("expecting 1 or 2 arguments (including the object), but got " + a.narg());
        }
        UdpSocket s = self(a, "receive", UdpSocket.class);
        if (s.socket == null) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        if (s.busy) {
            return fail("socket busy");
        }
        int size = (int) Math.min(MAX_DATAGRAM, Math.max(0, a.optdouble(2, MAX_DATAGRAM)));
        long timeout = s.readTimeout > 0 ? s.readTimeout : SocketDefaults.of(ctx).readTimeout();
        DatagramSocket d = s.socket;
        s.busy = true;
        try {
            byte[] got = Waiting.release(ctx, () -> {
                DatagramPacket p = new DatagramPacket(new byte[Math.max(1, size)], size);
                d.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
                d.receive(p);
                return Arrays.copyOf(p.getData(), p.getLength());
            });
            return LuaValue.valueOf(got);
        } catch (IOException e) {
            String error = SocketErrors.of(e);
            if (error.equals("timeout")) {
                SocketLog.error(env, ctx, "lua udp socket read timed out");
            }
            return fail(error);
        } finally {
            s.busy = false;
        }
    }

    private static Varargs settimeout(NgxContext ctx, Varargs a) {
        if (a.narg() != 2) {
            throw new ApiError("ngx.socket settimeout: expecting at least 2 arguments (including the object) but seen "
                    + a.narg());
        }
        self(a, "settimeout", UdpSocket.class).readTimeout = SocketArgs.timeout(a.arg(2));
        return LuaValue.NONE;
    }

    private static Varargs close(NgxContext ctx, Varargs a) {
        if (a.narg() != 1) {
            throw new ApiError("expecting 1 argument (including the object) but seen " + a.narg());
        }
        UdpSocket s = self(a, "close", UdpSocket.class);
        if (s.socket == null) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        s.closeSocket();
        return LuaValue.valueOf(1);
    }
}
