package io.jresty.ngx.restycore;

import io.jresty.core.lua.NamedFunction;
import java.util.Base64;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * lua-resty-core's {@code ngx.base64}: base64url as nginx's ngx_encode_base64url (no padding)
 * and ngx_decode_base64url, which reads up to the first '=' and refuses any other character
 * outside A-Z a-z 0-9 - _ or a length that leaves a lone 6-bit group.
 */
final class NgxBase64Url {
    private static final String NOT_STRING = "must provide a string";

    private NgxBase64Url() {}

    static LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("encode_base64url", function("encode_base64url", NgxBase64Url::encode));
        m.set("decode_base64url", function("decode_base64url", NgxBase64Url::decode));
        return m;
    }

    private static Varargs encode(LuaValue s) {
        if (s.type() != LuaValue.TSTRING) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(NOT_STRING));
        }
        return LuaString.valueUsing(Base64.getUrlEncoder().withoutPadding().encode(bytes(s.checkstring())));
    }

    private static Varargs decode(LuaValue s) {
        if (s.type() != LuaValue.TSTRING) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(NOT_STRING));
        }
        byte[] in = bytes(s.checkstring());
        int len = 0;
        while (len < in.length && in[len] != '=') {
            if (sextet(in[len]) < 0) {
                return invalid();
            }
            len++;
        }
        if (len % 4 == 1) {
            return invalid();
        }
        byte[] out = new byte[len * 3 / 4];
        int o = 0;
        int bits = 0;
        int acc = 0;
        for (int i = 0; i < len; i++) {
            acc = (acc << 6) | sextet(in[i]);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
            }
        }
        return LuaString.valueUsing(out, 0, o);
    }

    private static Varargs invalid() {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("invalid input"));
    }

    private static int sextet(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '-' ? 62 : b == '_' ? 63 : -1;
    }

    private static byte[] bytes(LuaString s) {
        byte[] b = new byte[s.rawlen()];
        s.copyInto(0, b, 0, b.length);
        return b;
    }

    private static NamedFunction function(String name, java.util.function.Function<LuaValue, Varargs> body) {
        return NamedFunction.of(name, args -> body.apply(args.arg1()));
    }
}
