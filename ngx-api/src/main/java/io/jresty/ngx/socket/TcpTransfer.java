package io.jresty.ngx.socket;

import static io.jresty.ngx.socket.SocketArgs.CLOSED;
import static io.jresty.ngx.socket.SocketArgs.argError;
import static io.jresty.ngx.socket.SocketArgs.checkOwner;
import static io.jresty.ngx.socket.SocketArgs.fail;
import static io.jresty.ngx.socket.SocketArgs.self;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxFunction;
import io.jresty.ngx.phase.Contexts;
import java.io.IOException;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The data side of a tcp cosocket: send, receive, receiveany and receiveuntil's iterator.
 * Every wait happens with the worker's lock released.
 */
final class TcpTransfer {
    private final NgxEnvironment env;

    TcpTransfer(NgxEnvironment env) {
        this.env = env;
    }

    void define(ApiTable api) {
        api.anywhere("send", Contexts.ANY, this::send);
        api.anywhere("receive", Contexts.ANY, this::receive);
        api.anywhere("receiveany", Contexts.ANY, this::receiveany);
        api.anywhere("receiveuntil", Contexts.ANY, this::receiveuntil);
    }

    private Varargs send(NgxContext ctx, Varargs a) {
        if (a.narg() != 2) {
            throw new ApiError("expecting 2 arguments (including the object), but got " + a.narg());
        }
        TcpSocket s = self(a, "send", TcpSocket.class);
        if (!s.connected()) {
            SocketLog.error(env, ctx, "attempt to send data on a closed socket");
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        checkOwner(ctx, s.owner);
        if (s.busyWriting) {
            return fail("socket busy writing");
        }
        byte[] data = SendData.bytes("send", a.arg(2));
        if (data.length == 0) {
            return LuaValue.valueOf(0);
        }
        TcpConnection c = s.connection;
        long timeout = s.sendTimeout(SocketDefaults.of(ctx));
        s.busyWriting = true;
        try {
            Waiting.release(ctx, () -> {
                c.write(data, timeout);
                return null;
            });
        } catch (IOException e) {
            String error = SocketErrors.of(e);
            if (error.equals("timeout")) {
                SocketLog.error(env, ctx, "lua tcp socket write timed out");
            }
            s.closeConnection();
            return fail(error);
        } finally {
            s.busyWriting = false;
        }
        return LuaValue.valueOf(data.length);
    }

    /** The checks receive, receiveany and the receiveuntil iterator share; null when closed. */
    private TcpSocket readable(NgxContext ctx, TcpSocket s) {
        if (!s.connected() || s.readClosed) {
            SocketLog.error(env, ctx, "attempt to receive data on a closed socket");
            return null;
        }
        checkOwner(ctx, s.owner);
        return s;
    }

    private Varargs receive(NgxContext ctx, Varargs a) {
        int n = a.narg();
        if (n != 1 && n != 2) {
            throw new ApiError("expecting 1 or 2 arguments (including the object), but got " + n);
        }
        TcpSocket s = readable(ctx, self(a, "receive", TcpSocket.class));
        if (s == null) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        Read read;
        LuaValue p = a.arg(2);
        if (n == 1) {
            read = Receiving::line;
        } else if (SocketArgs.isNumber(p)) {
            long bytes = (long) p.todouble();
            if (bytes < 0) {
                throw argError(2, "receive", "bad pattern argument");
            }
            if (bytes == 0) {
                return LuaValue.EMPTYSTRING;
            }
            read = (c, t) -> Receiving.bytes(c, (int) Math.min(Integer.MAX_VALUE, bytes), t);
        } else if (p.type() == LuaValue.TSTRING) {
            String pattern = p.tojstring();
            if (pattern.length() != 2 || pattern.charAt(0) != '*') {
                throw argError(2, "receive", "bad pattern argument: " + pattern);
            }
            read = switch (pattern.charAt(1)) {
                case 'l' -> Receiving::line;
                case 'a' -> Receiving::all;
                default -> throw argError(2, "receive", "bad pattern argument");
            };
        } else {
            throw argError(2, "receive", "bad pattern argument");
        }
        return result(ctx, s, read);
    }

    private Varargs receiveany(NgxContext ctx, Varargs a) {
        if (a.narg() != 2) {
            throw new ApiError("expecting 2 arguments (including the object), but got " + a.narg());
        }
        TcpSocket s = readable(ctx, self(a, "receiveany", TcpSocket.class));
        if (s == null) {
            return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
        }
        LuaValue max = a.arg(2);
        if (!SocketArgs.isNumber(max) || (long) max.todouble() <= 0) {
            throw argError(2, "receiveany", "bad max argument");
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, (long) max.todouble());
        return result(ctx, s, (c, t) -> Receiving.any(c, limit, t));
    }

    private Varargs receiveuntil(NgxContext ctx, Varargs a) {
        int n = a.narg();
        if (n != 2 && n != 3) {
            throw new ApiError("expecting 2 or 3 arguments (including the object), but got " + n);
        }
        TcpSocket s = self(a, "receiveuntil", TcpSocket.class);
        if (!a.arg(2).isstring()) {
            throw argError(2, "receiveuntil", "string expected, got " + a.arg(2).typename());
        }
        boolean inclusive = false;
        if (n == 3 && a.arg(3).istable()) {
            LuaValue v = ((LuaTable) a.arg(3)).get("inclusive");
            if (v.isboolean()) {
                inclusive = v.toboolean();
            } else if (!v.isnil()) {
                throw new ApiError("bad \"inclusive\" option value type: " + v.typename());
            }
        }
        LuaString pattern = a.arg(2).strvalue();
        if (pattern.length() == 0) {
            return fail("pattern is empty");
        }
        UntilReader reader = new UntilReader(SendData.copy(pattern), inclusive);
        return new NgxFunction("receiveuntil iterator", Contexts.ANY, false, (c, args) -> {
            if (args.narg() > 1) {
                throw new ApiError("expecting 0 or 1 argument, but seen " + args.narg());
            }
            long size = args.narg() >= 1 ? (long) args.checkdouble(1) : 0;
            if (readable(c, s) == null) {
                return LuaValue.varargsOf(LuaValue.NIL, CLOSED);
            }
            int chunk = (int) Math.max(0, Math.min(Integer.MAX_VALUE, size));
            return result(c, s, (conn, t) -> reader.next(conn, chunk, t));
        });
    }

    /** A blocking read. */
    @FunctionalInterface
    private interface Read {
        Received run(TcpConnection c, long timeoutMs);
    }

    private Varargs result(NgxContext ctx, TcpSocket s, Read read) {
        if (s.busyReading) {
            return fail("socket busy reading");
        }
        TcpConnection c = s.connection;
        long timeout = s.readTimeout(SocketDefaults.of(ctx));
        Received r;
        s.busyReading = true;
        try {
            r = Waiting.release(ctx, () -> read.run(c, timeout));
        } catch (IOException e) {
            r = Received.failed(SocketErrors.of(e), null);
        } finally {
            s.busyReading = false;
        }
        if (r == UntilReader.DONE) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL, LuaValue.NIL);
        }
        if (r.error() == null) {
            return LuaValue.valueOf(r.data());
        }
        if (r.error().equals("timeout")) {
            SocketLog.error(env, ctx, "lua tcp socket read timed out");
        } else if (r.error().equals("closed")) {
            s.readClosed = true;
        } else {
            s.closeConnection();
        }
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(r.error()), LuaValue.valueOf(r.partial()));
    }
}
