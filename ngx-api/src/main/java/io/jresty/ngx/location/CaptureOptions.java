package io.jresty.ngx.location;

import io.jresty.ngx.api.ApiError;
import io.jresty.ngx.req.Methods;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.QueryArgs;
import io.jresty.ngx.request.Subrequests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Reads one {uri, options} query of capture_multi into a subrequest, with lua-nginx-module's errors. */
final class CaptureOptions {
    private CaptureOptions() {}

    static Subrequests.Subrequest parse(NgxRequest parent, int index, LuaTable query) {
        LuaValue uriValue = query.get(1);
        if (!uriValue.isstring()) {
            throw new ApiError("bad argument #1 to 'capture' (string expected, got " + uriValue.typename() + ")");
        }
        String uri = uriValue.tojstring();
        if (uri.isEmpty()) {
            throw new ApiError("uri is empty");
        }
        String args = null;
        int q = uri.indexOf('?');
        if (q >= 0) {
            args = uri.substring(q + 1);
            uri = uri.substring(0, q);
        }
        if (unsafe(uri)) {
            throw new ApiError("unsafe uri in argument #1: " + uriValue.tojstring());
        }
        LuaValue options = query.get(2);
        if (!options.isnil() && !options.istable()) {
            throw new ApiError("Bad options: table expected");
        }
        LuaTable opts = options.istable() ? (LuaTable) options : new LuaTable();
        String extra = args(opts.get("args"));
        if (extra != null) {
            args = args == null || args.isEmpty() ? extra : args + "&" + extra;
        }
        String method = method(opts.get("method"));
        Map<String, String> vars = vars(opts.get("vars"));
        Subrequests.VarsMode mode = flag(opts.get("share_all_vars"), "share_all_vars") ? Subrequests.VarsMode.SHARE
                : flag(opts.get("copy_all_vars"), "copy_all_vars") ? Subrequests.VarsMode.COPY
                : Subrequests.VarsMode.FRESH;
        LuaValue ctx = opts.get("ctx");
        if (!ctx.isnil() && !ctx.istable()) {
            throw new ApiError("Bad ctx option value type " + ctx.typename() + ", expected a Lua table");
        }
        boolean forward = flag(opts.get("always_forward_body"), "always_forward_body");
        LuaValue bodyValue = opts.get("body");
        byte[] body = null;
        boolean hasBody = false;
        if (!bodyValue.isnil()) {
            if (!bodyValue.isstring()) {
                throw new ApiError("Bad http request body");
            }
            body = bytes(bodyValue.checkstring());
            hasBody = true;
        } else if (forward || method.equals("POST") || method.equals("PUT")) {
            // the parent's body goes along, if it was read
            body = parent.bodyIfRead();
        }
        return new Subrequests.Subrequest(method, uri, args, body, hasBody, vars, mode,
                ctx.istable() ? (LuaTable) ctx : null);
    }

    /** nginx refuses a subrequest path with a ".." segment or a NUL, which could climb out of a root. */
    private static boolean unsafe(String path) {
        return path.indexOf('\0') >= 0 || ("/" + path + "/").contains("/../");
    }

    private static String args(LuaValue v) {
        if (v.isnil()) {
            return null;
        }
        if (v.isstring()) {
            return v.tojstring();
        }
        if (v.istable()) {
            return QueryArgs.encode((LuaTable) v);
        }
        throw new ApiError("Bad args option value");
    }

    private static String method(LuaValue v) {
        if (v.isnil()) {
            return "GET";
        }
        if (!v.isnumber()) {
            throw new ApiError("Bad http request method");
        }
        return Methods.name(v.toint());
    }

    private static Map<String, String> vars(LuaValue v) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (v.isnil()) {
            return vars;
        }
        if (!v.istable()) {
            throw new ApiError("Bad vars option value");
        }
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = v.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            vars.put(k.tojstring(), next.arg(2).tojstring());
        }
        return vars;
    }

    private static boolean flag(LuaValue v, String name) {
        if (v.isnil()) {
            return false;
        }
        if (!v.isboolean()) {
            throw new ApiError("Bad " + name + " option value");
        }
        return v.toboolean();
    }

    private static byte[] bytes(LuaString s) {
        byte[] out = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, out, 0, s.m_length);
        return out;
    }
}
