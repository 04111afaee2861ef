package io.jresty.ngx.codec;

import io.jresty.ngx.api.ApiError;
import static io.jresty.ngx.codec.ByteArgs.bytes;
import static io.jresty.ngx.codec.ByteArgs.coerced;
import static io.jresty.ngx.codec.ByteArgs.lua;

import io.jresty.ngx.NgxContext;
import io.jresty.ngx.NgxEnvironment;
import io.jresty.ngx.api.ApiTable;
import io.jresty.ngx.api.NgxArea;
import io.jresty.ngx.phase.Contexts;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The string codecs of ngx: escape_uri, unescape_uri, encode_args, decode_args,
 * encode_base64, decode_base64, crc32_short, crc32_long, md5, md5_bin, sha1_bin, hmac_sha1
 * and quote_sql_str. Every one works on byte strings and in every phase. Argument checks
 * and their messages follow lua-resty-core where it implements the function, else the C module.
 */
public final class NgxCodec implements NgxArea {
    @Override
    public void install(LuaTable ngx, NgxEnvironment env) {
        ApiTable api = new ApiTable("ngx.", ngx);
        api.anywhere("escape_uri", Contexts.ANY, (ctx, args) -> {
            int type = escapeType(args.arg(2));
            return lua(UriEscape.escape(bytes(coerced(args.arg1())), type));
        });
        api.anywhere("unescape_uri", Contexts.ANY,
                (ctx, args) -> lua(UriEscape.unescape(bytes(coerced(args.arg1())))));
        api.anywhere("encode_args", Contexts.ANY, (ctx, args) -> {
            if (args.narg() != 1) {
                throw new ApiError("expecting 1 argument but seen " + args.narg());
            }
            if (!args.arg1().istable()) {
                throw ByteArgs.badArgument(1, "encode_args", "table expected, got " + ByteArgs.typeName(args.arg1()));
            }
            return lua(QueryArgs.encode((LuaTable) args.arg1()));
        });
        api.anywhere("decode_args", Contexts.ANY, (ctx, args) -> {
            if (args.narg() < 1 || args.narg() > 2) {
                throw new ApiError("expecting 1 or 2 arguments but seen " + args.narg());
            }
            int max = ArgsParser.DEFAULT_MAX;
            if (args.narg() == 2) {
                LuaValue m = args.arg(2);
                if (m.tonumber().isnil()) {
                    throw ByteArgs.badArgument(2, "decode_args", "number expected, got " + ByteArgs.typeName(m));
                }
                max = m.toint();
            }
            return ArgsParser.parse(ByteArgs.bytes(ByteArgs.checked(args.arg1(), 1, "decode_args")), max,
                    ArgsParser.MaxCount.SEPARATORS);
        });
        api.anywhere("encode_base64", Contexts.ANY, (ctx, args) -> {
            LuaValue noPadding = args.arg(2);
            if (!noPadding.isnil() && !noPadding.isboolean()) {
                throw new ApiError("bad no_padding: boolean expected, got " + noPadding.typename());
            }
            return lua(Base64Codec.encode(bytes(coerced(args.arg1())), !noPadding.toboolean()));
        });
        api.anywhere("decode_base64", Contexts.ANY, (ctx, args) -> {
            if (args.arg1().type() != LuaValue.TSTRING) {
                throw new ApiError("string argument only");
            }
            byte[] out = Base64Codec.decode(bytes(args.arg1().checkstring()));
            return out == null ? LuaValue.NIL : lua(out);
        });
        api.anywhere("crc32_short", Contexts.ANY, NgxCodec::crc32);
        api.anywhere("crc32_long", Contexts.ANY, NgxCodec::crc32);
        api.anywhere("md5", Contexts.ANY, (ctx, args) ->
                lua(Digests.md5Hex(bytes(coerced(args.arg1()))).getBytes(StandardCharsets.US_ASCII)));
        api.anywhere("md5_bin", Contexts.ANY, (ctx, args) -> lua(Digests.md5(bytes(coerced(args.arg1())))));
        api.anywhere("sha1_bin", Contexts.ANY, (ctx, args) -> lua(Digests.sha1(bytes(coerced(args.arg1())))));
        api.anywhere("hmac_sha1", Contexts.ANY, (ctx, args) -> {
            if (args.narg() != 2) {
                throw new ApiError("expecting 2 arguments, but got " + args.narg());
            }
            byte[] key = bytes(ByteArgs.checked(args.arg1(), 1, "hmac_sha1"));
            byte[] message = bytes(ByteArgs.checked(args.arg(2), 2, "hmac_sha1"));
            return lua(Digests.hmacSha1(key, message));
        });
        api.anywhere("quote_sql_str", Contexts.ANY, (ctx, args) -> {
            if (args.narg() != 1) {
                throw new ApiError("expecting one argument");
            }
            return lua(SqlString.quote(bytes(ByteArgs.checked(args.arg1(), 1, "quote_sql_str"))));
        });
    }

    private static Varargs crc32(NgxContext ctx, Varargs args) {
        return LuaValue.valueOf((double) Digests.crc32(bytes(coerced(args.arg1()))));
    }

    /** lua-resty-core's checks of escape_uri's type: a number from 0 to 6, 2 when absent. */
    private static int escapeType(LuaValue t) {
        if (t.isnil()) {
            return UriEscape.COMPONENT;
        }
        if (t.type() != LuaValue.TNUMBER) {
            throw new ApiError("\"type\" is not a number");
        }
        double d = t.todouble();
        if (d < 0 || d > UriEscape.MAX_TYPE) {
            throw new ApiError("\"type\" " + t.tojstring() + " out of range");
        }
        return (int) d;
    }
}
